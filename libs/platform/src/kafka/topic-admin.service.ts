import { Injectable, Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { dlqTopicOf } from '@icims-sync/contracts';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

/** Creates the topics (and their DLQs) a service uses, when they are missing. */
@Injectable()
export class TopicAdmin {
  private readonly logger = new Logger(TopicAdmin.name);

  constructor(
    private readonly kafka: Kafka,
    private readonly layout: TopicLayout,
  ) {}

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const wanted = [...new Set(topics.flatMap((topic) => [topic, dlqTopicOf(topic)]))];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.layout.partitions,
          replicationFactor: this.layout.replicationFactor,
        })),
      });
      this.logger.log({ topics: missing }, 'created missing topics');
    } finally {
      await admin.disconnect();
    }
  }

  /** Readiness probe: the cluster answers a metadata request. */
  async ping(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }
}
