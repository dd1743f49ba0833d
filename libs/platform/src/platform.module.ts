import { DynamicModule, Global, Module } from '@nestjs/common';
import { TopicName } from '@icims-sync/contracts';
import { BaseServiceConfig } from './config/base-service.config';
import { HealthController } from './health/health.controller';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { KafkaModule } from './kafka/kafka.module';
import { MongoModule } from './mongo/mongo.module';
import { ObservabilityModule } from './observability.module';

export interface PlatformOptions {
  service: string;
  config: BaseServiceConfig;
  /** Kafka, with the topics the service produces to or consumes from (created with DLQs if missing); absent: no broker at all. */
  kafka?: { topics: readonly TopicName[]; coalesceKeysOf?: readonly TopicName[] };
  /** MongoDB: the service's own collections. Database name defaults to the one in MONGO_URL. */
  mongo?: { database?: string };
  /** `processed_events` and the Kafka consumers built on it (needs kafka and mongo). */
  idempotency?: boolean;
}

/**
 * Config, logging, metrics and health for one service, plus the parts it says it uses:
 * Kafka, MongoDB, idempotency. Readiness checks exactly those parts.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config, service } = options;
    if (options.idempotency && !(options.kafka && options.mongo)) throw new Error('PlatformModule: idempotency needs kafka and mongo');
    return {
      module: PlatformModule,
      imports: [
        ObservabilityModule.forRoot({ service, logLevel: config.LOG_LEVEL }),
        ...(options.mongo ? [MongoModule.forRoot({ service, url: config.MONGO_URL, database: options.mongo.database })] : []),
        ...(options.kafka ? [KafkaModule.forRoot({ service, config, topics: options.kafka.topics })] : []),
        ...(options.idempotency ? [IdempotencyModule.forRoot(service, config, options.kafka?.coalesceKeysOf ?? [])] : []),
      ],
      controllers: [HealthController],
      providers: [{ provide: BaseServiceConfig, useValue: config }],
      exports: [BaseServiceConfig],
    };
  }
}
