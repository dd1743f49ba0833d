import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, MongooseHealthIndicator } from '@nestjs/terminus';
import { TopicAdmin } from '../kafka/topic-admin.service';

const PROBE_TIMEOUT_MS = 2_000;

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly mongoose: MongooseHealthIndicator,
    private readonly topicAdmin: TopicAdmin,
  ) {}

  /** Liveness: the event loop answers. Dependencies are readiness's business. */
  @Get('healthz')
  @HealthCheck()
  liveness() {
    return this.health.check([]);
  }

  /** Readiness: Kafka and Mongo both answer. */
  @Get('readyz')
  @HealthCheck()
  readiness() {
    return this.health.check([() => this.mongoose.pingCheck('mongo', { timeout: PROBE_TIMEOUT_MS }), () => this.kafka()]);
  }

  private async kafka() {
    const indicator = this.indicators.check('kafka');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.topicAdmin.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS))),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
