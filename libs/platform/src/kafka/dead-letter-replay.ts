import { Kafka, KafkaMessage } from 'kafkajs';
import { dlqTopicOf } from '@icims-sync/contracts';
import { DLQ_HEADER, withoutDeadLetterHeaders } from './dead-letter';
import { DeadLetterSink } from './batch-consumer';

export interface DeadLetterSummary {
  partition: number;
  offset: string;
  reason?: string;
  code?: string;
  message?: string;
  origin?: string;
  failedAt?: string;
}

export interface ReplayOptions {
  /** List only; publish nothing and commit nothing. */
  dryRun: boolean;
  onMessage(summary: DeadLetterSummary): void;
}

/** Marks a message that came back from the DLQ, for whoever reads the topic later. */
export const REPLAYED_FROM_HEADER = 'x-replayed-from-dlq';

/**
 * Puts every dead letter of `topic` back on `topic`, byte for byte with its original
 * headers, up to the DLQ's end as it was when the replay began. Progress is a committed
 * consumer group, so an interrupted replay resumes without repeating itself.
 */
export async function replayDeadLetters(kafka: Kafka, sink: DeadLetterSink, topic: string, options: ReplayOptions): Promise<number> {
  const dlq = dlqTopicOf(topic);
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `icims-sync.dlq-replay.${topic}`;
  const ends = new Map<number, bigint>();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [dlq] });
    const starts = new Map(committed[0]?.partitions.map((p) => [p.partition, BigInt(p.offset)]) ?? []);
    for (const { partition, high, low } of await admin.fetchTopicOffsets(dlq)) {
      const start = starts.get(partition) ?? -1n;
      if (BigInt(high) > (start >= 0n ? start : BigInt(low))) ends.set(partition, BigInt(high));
    }
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return 0;

  const consumer = kafka.consumer({ groupId: options.dryRun ? `${groupId}.dry-run.${Date.now()}` : groupId });
  let count = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: dlq, fromBeginning: true });
    const done = new Promise<void>((resolve, reject) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          try {
            const end = ends.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return;
            options.onMessage(summarize(partition, message));
            if (!options.dryRun) {
              await sink.sendRaw([{ topic, messages: [replayable(message, partition)] }]);
              await consumer.commitOffsets([{ topic: dlq, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
            }
            count += 1;
            if (BigInt(message.offset) + 1n >= end) ends.delete(partition);
            if (ends.size === 0) resolve();
          } catch (error) {
            reject(error);
          }
        },
      }).catch(reject);
    });
    await done;
  } finally {
    await consumer.disconnect();
  }
  return count;
}

function replayable(message: KafkaMessage, partition: number) {
  return {
    key: message.key,
    value: message.value,
    headers: { ...withoutDeadLetterHeaders(message.headers), [REPLAYED_FROM_HEADER]: `${partition}:${message.offset}` },
  };
}

function summarize(partition: number, message: KafkaMessage): DeadLetterSummary {
  const header = (name: string) => message.headers?.[name]?.toString();
  return {
    partition,
    offset: message.offset,
    reason: header(DLQ_HEADER.reason),
    code: header(DLQ_HEADER.code),
    message: header(DLQ_HEADER.message),
    origin: `${header(DLQ_HEADER.originTopic)}[${header(DLQ_HEADER.originPartition)}]@${header(DLQ_HEADER.originOffset)}`,
    failedAt: header(DLQ_HEADER.failedAt),
  };
}
