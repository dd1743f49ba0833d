import { Controller, DynamicModule, Get, Global, Module } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { PlatformLoggerModule } from './logging/logger.module';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';

export interface ObservabilityOptions {
  service: string;
  logLevel: string;
}

/** Probes of a process with no dependencies to check: up means ready. */
@Controller()
export class StandaloneHealthController {
  constructor(private readonly health: HealthCheckService) {}

  @Get(['healthz', 'readyz'])
  @HealthCheck()
  check() {
    return this.health.check([]);
  }
}

/** Logging and metrics: what every HTTP process has, with or without Kafka and Mongo. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [PlatformLoggerModule.forRoot({ service: options.service, level: options.logLevel }), TerminusModule.forRoot({ logger: false })],
      controllers: [MetricsController],
      providers: [MetricsService],
      exports: [MetricsService, TerminusModule],
    };
  }

  /** For sandboxes and tools: observability plus always-ready probes. */
  static standalone(options: ObservabilityOptions): DynamicModule {
    const base = ObservabilityModule.forRoot(options);
    return { ...base, controllers: [...(base.controllers ?? []), StandaloneHealthController] };
  }
}
