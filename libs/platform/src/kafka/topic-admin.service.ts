import { Injectable, Logger } from '@nestjs/common';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { Admin, Kafka, KafkaJSAggregateError } from 'kafkajs';
import { dlqTopicOf } from '@icims-sync/contracts';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

/** A wanted topic exists but some partition has no leader yet. */
class TopicsWithoutLeader extends Error {}

/**
 * Several services create the same topics when they start on a fresh cluster: one wins, and
 * the others meet TOPIC_ALREADY_EXISTS for some topics, or metadata that has not yet caught
 * up (UNKNOWN_TOPIC_OR_PARTITION). Each of those is retried from the top: list, create what
 * is still missing, check leaders.
 */
const isRaceWithAnotherCreator = (error: Error) =>
  error instanceof TopicsWithoutLeader || error instanceof KafkaJSAggregateError || (error as { retriable?: boolean }).retriable === true;

/** Creates the topics (and their DLQs) a service uses, when they are missing. */
@Injectable()
export class TopicAdmin {
  private readonly logger = new Logger(TopicAdmin.name);
  private readonly ensurePolicy = retry(handleWhen(isRaceWithAnotherCreator), {
    maxAttempts: 12,
    backoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 2_000 }),
  });

  constructor(
    private readonly kafka: Kafka,
    private readonly layout: TopicLayout,
  ) {}

  /** Returns once every wanted topic exists with a leader for each partition. */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    const wanted = [...new Set(topics.flatMap((topic) => [topic, dlqTopicOf(topic)]))];
    if (wanted.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await this.ensurePolicy.execute(() => this.createMissing(admin, wanted));
    } finally {
      await admin.disconnect();
    }
  }

  private async createMissing(admin: Admin, wanted: string[]): Promise<void> {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      const created = await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions: this.layout.partitions, replicationFactor: this.layout.replicationFactor })),
      });
      if (created) this.logger.log({ topics: missing }, 'created missing topics');
    }
    const { topics } = await admin.fetchTopicMetadata({ topics: wanted });
    if (topics.some(({ partitions }) => partitions.some(({ leader }) => leader < 0))) throw new TopicsWithoutLeader();
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
