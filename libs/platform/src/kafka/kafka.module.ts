import { DynamicModule, Global, Module, OnModuleInit } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { TopicName } from '@icims-sync/contracts';
import { BaseServiceConfig } from '../config/base-service.config';
import { MetricsService } from '../metrics/metrics.service';
import { createKafkaClient } from './kafka-client.factory';
import { EventPublisher } from './event-publisher.service';
import { TopicAdmin } from './topic-admin.service';

export interface KafkaOptions {
  service: string;
  config: BaseServiceConfig;
  /** Topics the service produces to or consumes from; created (with DLQs) if missing. */
  topics: readonly TopicName[];
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

/** The broker client, its topics and the publisher. */
@Global()
@Module({})
export class KafkaModule {
  static forRoot({ service, config, topics }: KafkaOptions): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        { provide: Kafka, useFactory: () => createKafkaClient({ clientId: service, brokers: config.KAFKA_BROKERS }) },
        {
          provide: TopicAdmin,
          inject: [Kafka],
          useFactory: (kafka: Kafka) => new TopicAdmin(kafka, { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR }),
        },
        { provide: TopicBootstrap, inject: [TopicAdmin], useFactory: (admin: TopicAdmin) => new TopicBootstrap(admin, topics) },
        {
          provide: EventPublisher,
          inject: [Kafka, MetricsService],
          useFactory: (kafka: Kafka, metrics: MetricsService) => new EventPublisher(kafka, metrics, config.KAFKA_PUBLISH_TIMEOUT_MS),
        },
      ],
      exports: [Kafka, TopicAdmin, EventPublisher],
    };
  }
}
