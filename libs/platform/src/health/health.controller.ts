import { Controller, Get, Optional } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from 'mongoose';
import { TopicAdmin } from '../kafka/topic-admin.service';

const PROBE_TIMEOUT_MS = 2_000;

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    /** Present only in a service that uses MongoDB. */
    @Optional() @InjectConnection() private readonly mongo?: Connection,
    /** Present only in a service that uses Kafka. */
    @Optional() private readonly topicAdmin?: TopicAdmin,
  ) {}

  /** Liveness: the event loop answers. Dependencies are readiness's business. */
  @Get('healthz')
  @HealthCheck()
  liveness() {
    return this.health.check([]);
  }

  /** Readiness: what this service uses answers (MongoDB, Kafka), and nothing it does not use. */
  @Get('readyz')
  @HealthCheck()
  readiness() {
    const { mongo, topicAdmin } = this;
    return this.health.check([
      ...(mongo ? [() => this.probe('mongo', () => mongo.db!.admin().ping())] : []),
      ...(topicAdmin ? [() => this.probe('kafka', () => topicAdmin.ping())] : []),
    ]);
  }

  private async probe(name: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(name);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([ping(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS)))]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
