import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Kafka } from 'kafkajs';
import { TopicName } from '@icims-sync/contracts';
import { BaseServiceConfig } from '../config/base-service.config';
import { KafkaBatchConsumer } from '../kafka/batch-consumer';
import { EventPublisher } from '../kafka/event-publisher.service';
import { KafkaBatchServer, consumerGroupOf } from '../kafka/kafka-batch.server';
import { MetricsService } from '../metrics/metrics.service';
import { PROCESSED_EVENTS_TTL_DAYS, ProcessedEventRepository } from './processed-event.repository';
import { ProcessedEvent, ProcessedEventSchema } from './processed-event.schema';

/** Builds the transport that serves this service's `@EventPattern` handlers. */
export class KafkaBatchServerFactory {
  constructor(
    private readonly kafka: Kafka,
    private readonly config: BaseServiceConfig,
    private readonly groupId: string,
    private readonly processed: ProcessedEventRepository,
    private readonly publisher: EventPublisher,
    private readonly metrics: MetricsService,
    /** Topics whose handlers get a key's messages of a batch at once (see `coalesceKeys`). */
    private readonly coalesceKeysOf: readonly TopicName[] = [],
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
          coalesceKeys: this.coalesceKeysOf.includes(topic),
        }),
    );
  }
}

/**
 * Exactly-once effects: `processed_events` and the Kafka consumers that use it (the gateway's
 * webhook dedupe uses the repository alone). Needs MongoModule and KafkaModule.
 */
@Global()
@Module({})
export class IdempotencyModule {
  static forRoot(service: string, config: BaseServiceConfig, coalesceKeysOf: readonly TopicName[] = []): DynamicModule {
    return {
      module: IdempotencyModule,
      imports: [MongooseModule.forFeature([{ name: ProcessedEvent.name, schema: ProcessedEventSchema }])],
      providers: [
        { provide: PROCESSED_EVENTS_TTL_DAYS, useValue: config.PROCESSED_EVENTS_TTL_DAYS },
        ProcessedEventRepository,
        {
          provide: KafkaBatchServerFactory,
          inject: [Kafka, ProcessedEventRepository, EventPublisher, MetricsService],
          useFactory: (kafka: Kafka, processed: ProcessedEventRepository, publisher: EventPublisher, metrics: MetricsService) =>
            new KafkaBatchServerFactory(kafka, config, config.KAFKA_GROUP_ID ?? service, processed, publisher, metrics, coalesceKeysOf),
        },
      ],
      exports: [ProcessedEventRepository, KafkaBatchServerFactory],
    };
  }
}
