import { DynamicModule, Global, Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { TopicName } from '@icims-sync/contracts';
import { BaseServiceConfig } from './config/base-service.config';
import { HealthController } from './health/health.controller';
import { PROCESSED_EVENTS_TTL_DAYS, ProcessedEventRepository } from './idempotency/processed-event.repository';
import { ProcessedEvent, ProcessedEventSchema } from './idempotency/processed-event.schema';
import { KafkaBatchConsumer } from './kafka/batch-consumer';
import { createKafkaClient } from './kafka/kafka-client.factory';
import { EventPublisher } from './kafka/event-publisher.service';
import { KafkaBatchServer, consumerGroupOf } from './kafka/kafka-batch.server';
import { TopicAdmin } from './kafka/topic-admin.service';
import { MetricsService } from './metrics/metrics.service';
import { recordCommandDurations } from './mongo/command-metrics';
import { RetentionService } from './mongo/retention.service';
import { ObservabilityModule } from './observability.module';

export interface PlatformOptions {
  service: string;
  config: BaseServiceConfig;
  /** Topics the service produces to or consumes from; created (with DLQs) if missing. */
  topics: readonly TopicName[];
  /** Database name; defaults to the one in MONGO_URL. */
  database?: string;
}

/** Builds the transport that serves this service's `@EventPattern` handlers. */
export class KafkaBatchServerFactory {
  constructor(
    private readonly kafka: Kafka,
    private readonly config: BaseServiceConfig,
    private readonly groupId: string,
    private readonly processed: ProcessedEventRepository,
    private readonly publisher: EventPublisher,
    private readonly metrics: MetricsService,
  ) {}

  create(): KafkaBatchServer {
    const { KAFKA_HANDLER_RETRIES, KAFKA_RETRY_INITIAL_MS, KAFKA_RETRY_MAX_MS } = this.config;
    return new KafkaBatchServer(
      (topic, handler) =>
        new KafkaBatchConsumer(this.kafka, {
          groupId: consumerGroupOf(this.groupId, topic),
          topic,
          handler,
          partitionsConcurrently: this.config.KAFKA_PARTITIONS_CONCURRENTLY,
          keysConcurrently: this.config.KAFKA_KEYS_CONCURRENTLY,
          retry: { retries: KAFKA_HANDLER_RETRIES, initialDelayMs: KAFKA_RETRY_INITIAL_MS, maxDelayMs: KAFKA_RETRY_MAX_MS },
          sessionTimeoutMs: this.config.KAFKA_SESSION_TIMEOUT_MS,
          processed: this.processed,
          deadLetters: this.publisher,
          metrics: this.metrics,
        }),
    );
  }
}

class TopicBootstrap implements OnModuleInit {
  constructor(
    private readonly admin: TopicAdmin,
    private readonly topics: readonly TopicName[],
  ) {}

  onModuleInit(): Promise<void> {
    return this.admin.ensureTopics(this.topics);
  }
}

/** Config, logging, Mongo, Kafka, idempotency, health and metrics for one service. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config, service } = options;
    return {
      module: PlatformModule,
      imports: [
        ObservabilityModule.forRoot({ service, logLevel: config.LOG_LEVEL }),
        MongooseModule.forRootAsync({
          inject: [MetricsService],
          useFactory: (metrics: MetricsService) => ({
            uri: config.MONGO_URL,
            dbName: options.database,
            autoIndex: false,
            serverSelectionTimeoutMS: 5_000,
            appName: service,
            monitorCommands: true,
            connectionFactory: (connection: Connection) => {
              recordCommandDurations(connection.getClient(), metrics);
              return connection;
            },
          }),
        }),
        MongooseModule.forFeature([{ name: ProcessedEvent.name, schema: ProcessedEventSchema }]),
      ],
      controllers: [HealthController],
      providers: [
        { provide: BaseServiceConfig, useValue: config },
        RetentionService,
        { provide: Kafka, useFactory: () => createKafkaClient({ clientId: service, brokers: config.KAFKA_BROKERS }) },
        {
          provide: TopicAdmin,
          inject: [Kafka],
          useFactory: (kafka: Kafka) => new TopicAdmin(kafka, { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR }),
        },
        { provide: TopicBootstrap, inject: [TopicAdmin], useFactory: (admin: TopicAdmin) => new TopicBootstrap(admin, options.topics) },
        {
          provide: EventPublisher,
          inject: [Kafka, MetricsService],
          useFactory: (kafka: Kafka, metrics: MetricsService) => new EventPublisher(kafka, metrics, config.KAFKA_PUBLISH_TIMEOUT_MS),
        },
        { provide: PROCESSED_EVENTS_TTL_DAYS, useValue: config.PROCESSED_EVENTS_TTL_DAYS },
        ProcessedEventRepository,
        {
          provide: KafkaBatchServerFactory,
          inject: [Kafka, ProcessedEventRepository, EventPublisher, MetricsService],
          useFactory: (kafka: Kafka, processed: ProcessedEventRepository, publisher: EventPublisher, metrics: MetricsService) =>
            new KafkaBatchServerFactory(kafka, config, config.KAFKA_GROUP_ID ?? service, processed, publisher, metrics),
        },
      ],
      exports: [BaseServiceConfig, RetentionService, Kafka, TopicAdmin, EventPublisher, ProcessedEventRepository, KafkaBatchServerFactory],
    };
  }
}
