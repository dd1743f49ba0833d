import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, KafkaMessage, Partitioners, logLevel } from 'kafkajs';
import { ALL_TOPICS } from '@icims-sync/contracts';
import { TopicAdmin, consumerGroupOf } from '@icims-sync/platform';
import { expectEventually } from './eventually';
import { stackEnv } from './stack-env';

export function testKafka(): Kafka {
  return new Kafka({ clientId: 'tests', brokers: stackEnv().KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
}

/** Creates every contract topic and its DLQ, as the services do at startup. */
export async function ensureContractTopics(kafka: Kafka): Promise<void> {
  await new TopicAdmin(kafka, { partitions: 6, replicationFactor: 1 }).ensureTopics(ALL_TOPICS);
}

/**
 * Commits the service group `groupId` (its per-topic groups) at the current end of `topics`, so a service under test starts where a
 * long-running deployment would be, not at the beginning of every earlier test's messages.
 */
export async function startGroupAtEnd(kafka: Kafka, groupId: string, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({ groupId: consumerGroupOf(groupId, topic), topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
    }
  } finally {
    await admin.disconnect();
  }
}

export interface RawTestMessage {
  key?: string;
  value: string | Buffer | null;
  headers?: IHeaders;
}

/** Produces bytes as they are, poison included, with acks from all replicas. */
export async function produceRaw(kafka: Kafka, topic: string, messages: RawTestMessage[]): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

export interface DrainOptions {
  /** Keep only the messages this returns true for (e.g. this test's tenant). */
  filter?: (message: KafkaMessage) => boolean;
  /** Resolve once this many matching messages have arrived. */
  count: number;
  /** And once a matching message satisfies this (a marker produced after what the test counts). */
  until?: (message: KafkaMessage) => boolean;
  timeoutMs?: number;
}

/** Reads `topic` from the beginning with a fresh group until `count` matching messages arrive. */
export async function drainTopic(kafka: Kafka, topic: string, options: DrainOptions): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `drain-${randomUUID()}` });
  const seen: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (!options.filter || options.filter(message)) seen.push(message);
      },
    });
    await expectEventually(() => {
      if (seen.length < options.count) throw new Error(`${topic}: ${seen.length} of ${options.count} expected messages arrived`);
      if (options.until && !seen.some(options.until)) throw new Error(`${topic}: the marker message has not arrived`);
    }, { timeoutMs: options.timeoutMs ?? 30_000 });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}
