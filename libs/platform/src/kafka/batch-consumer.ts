import { Logger } from '@nestjs/common';
import { ExponentialBackoff, TaskCancelledError, handleWhen, retry } from 'cockatiel';
import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import pLimit from 'p-limit';
import { Envelope, TopicName, decode } from '@icims-sync/contracts';
import { AppException, internalDescription, isRetryable } from '../errors/app.exception';
import { withLogContext } from '../logging/log-context.util';
import { MetricsService } from '../metrics/metrics.service';
import { RawMessage } from './event-publisher.service';
import { DeadLetterFailure, toDeadLetter } from './dead-letter';
import { TRACEPARENT_HEADER } from './traceparent.util';

/** What a handler gets beside the envelope. */
export interface MessageContext {
  topic: string;
  partition: number;
  offset: string;
  headers: IHeaders;
  traceparent?: string;
  /** Keeps the group membership alive; the runner also calls it every few seconds. */
  heartbeat(): Promise<void>;
  /** Aborted when the service is draining. */
  signal: AbortSignal;
  /**
   * With `coalesceKeys`: the earlier envelopes of the same key in this batch, oldest first,
   * handled together with this (the newest) one and committed with it.
   */
  coalesced: Envelope<unknown>[];
}

export type EnvelopeHandler = (envelope: Envelope<unknown>, context: MessageContext) => Promise<void>;

/** Envelope ids already handled, per consumer group. An id not marked yet (new, or its handling died) is handled again. */
export interface ProcessedEventStore {
  /** Those of `ids` marked processed. */
  processedAmong(scope: string, ids: readonly string[]): Promise<Set<string>>;
  markAllProcessed(scope: string, ids: readonly string[]): Promise<void>;
}

export interface DeadLetterSink {
  sendRaw(batches: { topic: string; messages: RawMessage[] }[]): Promise<void>;
}

export interface RetrySettings {
  retries: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface BatchConsumerOptions {
  groupId: string;
  topic: TopicName;
  handler: EnvelopeHandler;
  /** Partitions handled at once (kafkajs `partitionsConsumedConcurrently`). */
  partitionsConcurrently: number;
  /** Keys handled at once within a partition's batch; order holds per key. 1 when absent. */
  keysConcurrently?: number;
  retry: RetrySettings;
  processed: ProcessedEventStore;
  deadLetters: DeadLetterSink;
  metrics: MetricsService;
  sessionTimeoutMs: number;
  /** Commit resolved offsets at least this often inside a long batch. */
  commitIntervalMs?: number;
  /**
   * A key's messages in one batch go to the handler once, as the newest with the earlier
   * ones beside it (`context.coalesced`): for handlers where only the latest state counts.
   */
  coalesceKeys?: boolean;
}

const HEARTBEAT_EVERY_MS = 3_000;

/**
 * At-least-once consumption with exactly-once effects:
 * decode → skip duplicates → handle with jittered retries → mark processed → commit.
 * Poison messages go to `<topic>.dlq` and the partition moves on. The store is asked once
 * per batch which ids are done, and told which are done once per offset commit, just before
 * it: two commands a batch, not two a message.
 */
export class KafkaBatchConsumer {
  private readonly logger = new Logger(KafkaBatchConsumer.name);
  private readonly consumer: Consumer;
  private readonly draining = new AbortController();

  constructor(
    kafka: Kafka,
    private readonly options: BatchConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      // How long a crashed member holds its partitions before the group moves on.
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: HEARTBEAT_EVERY_MS,
      allowAutoTopicCreation: false,
    });
  }

  async start(): Promise<void> {
    // kafkajs restarts after retriable failures by itself; a consumer that will not restart
    // must not leave a live-looking pod behind: drain and exit, and let the platform restart it.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.logger.error({ groupId: this.options.groupId, error: payload.error.message, restart: payload.restart }, 'consumer crashed');
      if (!payload.restart && !this.draining.signal.aborted) process.kill(process.pid, 'SIGTERM');
    });
    await this.consumer.connect();
    // A new group starts from the beginning: nothing produced before it first joined is lost.
    await this.consumer.subscribe({ topics: [this.options.topic], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
    this.logger.log({ groupId: this.options.groupId, topic: this.options.topic }, 'consuming');
  }

  /** Finishes the message in hand, commits, and leaves the group. */
  async stop(): Promise<void> {
    this.draining.abort();
    await this.consumer.disconnect();
  }

  /**
   * Messages with the same key one after another, in offset order; different keys at once,
   * up to `keysConcurrently`. The committed offset only ever covers an unbroken run of
   * finished messages, so a crash redelivers whatever was in flight.
   */
  async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = batch;
    const commitIntervalMs = this.options.commitIntervalMs ?? 1_000;
    const decoded = messages.map((message) => decode(topic as TopicName, message.value));
    const seen = await this.alreadyProcessed(decoded);
    /** Handled in this batch and not yet marked in the store: marked before the offset that covers them is committed. */
    let unmarked: string[] = [];
    const finished = messages.map(() => false);
    let firstUnfinished = 0;
    let lastCommitAt = Date.now();
    let committed = -1;
    let commits = Promise.resolve();
    // One commit request at a time, so a lower offset never lands after a higher one.
    const commit = (force: boolean) => {
      if (firstUnfinished - 1 <= committed || (!force && Date.now() - lastCommitAt < commitIntervalMs)) return commits;
      committed = firstUnfinished - 1;
      lastCommitAt = Date.now();
      const offset = (BigInt(messages[committed].offset) + 1n).toString();
      const marks = unmarked;
      unmarked = [];
      commits = commits.then(async () => {
        if (marks.length > 0) await this.options.processed.markAllProcessed(this.options.groupId, marks);
        await this.consumer.commitOffsets([{ topic, partition, offset }]);
      });
      return commits;
    };
    let stopped = false;
    const runLane = async (indexes: number[]) => {
      for (const { index, earlier } of this.options.coalesceKeys ? coalesced(indexes, decoded, seen) : indexes.map((index) => ({ index, earlier: [] }))) {
        stopped ||= !isRunning() || isStale() || this.draining.signal.aborted;
        if (stopped) return;
        const group = { message: messages[index], earlier: earlier.map((i) => ({ message: messages[i], envelope: (decoded[i] as { envelope: Envelope<unknown> }).envelope })) };
        const done = await this.processMessage(topic as TopicName, partition, group, decoded[index], seen, heartbeat).catch((error: unknown) => {
          stopped = true;
          throw error;
        });
        if (!done) {
          stopped = true;
          return;
        }
        if (done === 'handled') unmarked.push(...group.earlier.map(({ envelope }) => envelope.id), (decoded[index] as { envelope: Envelope<unknown> }).envelope.id);
        for (const i of earlier) finished[i] = true;
        finished[index] = true;
        while (finished[firstUnfinished]) resolveOffset(messages[firstUnfinished++].offset);
        await commit(false);
        await heartbeat();
      }
    };
    const limit = pLimit(this.options.keysConcurrently ?? 1);
    // Every lane settles before the batch ends, so no message is still in flight when kafkajs fetches again.
    const lanes = await Promise.allSettled([...lanesByKey(messages).values()].map((lane) => limit(() => runLane(lane))));
    await commit(true);
    // Handled beyond an unfinished message, so no offset covers them yet: marked all the same, or a redelivery would redo them.
    if (unmarked.length > 0) await this.options.processed.markAllProcessed(this.options.groupId, unmarked);
    const failed = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** The ids of the batch's envelopes that this group has handled before. */
  private async alreadyProcessed(decoded: Decoded[]): Promise<Set<string>> {
    const ids = decoded.flatMap((result) => (result.ok ? [result.envelope.id] : []));
    return ids.length === 0 ? new Set() : this.options.processed.processedAmong(this.options.groupId, ids);
  }

  /** How the message was finished with (handled, duplicate or dead-lettered), or false when draining stopped it. */
  private async processMessage(
    topic: TopicName,
    partition: number,
    { message, earlier }: { message: KafkaMessage; earlier: { message: KafkaMessage; envelope: Envelope<unknown> }[] },
    decoded: Decoded,
    seen: Set<string>,
    heartbeat: () => Promise<void>,
  ): Promise<'handled' | 'duplicate' | 'dead-lettered' | false> {
    const { metrics, groupId } = this.options;
    const origin = { topic, partition, offset: message.offset, groupId };
    if (!decoded.ok) {
      await this.deadLetter(message, origin, { reason: 'DECODE_ERROR', code: decoded.error.code, message: decoded.error.message, attempts: 0 });
      return 'dead-lettered';
    }
    const envelope = decoded.envelope as Envelope<unknown>;
    if (seen.has(envelope.id)) {
      metrics.messagesProcessed.inc({ topic, outcome: 'duplicate' });
      return 'duplicate';
    }

    const context: MessageContext = {
      ...origin,
      headers: message.headers ?? {},
      traceparent: message.headers?.[TRACEPARENT_HEADER]?.toString(),
      heartbeat,
      signal: this.draining.signal,
      coalesced: earlier.map(({ envelope }) => envelope),
    };
    const logBindings = { envelopeId: envelope.id, correlationId: envelope.correlationId, tenantId: envelope.tenantId, topic };
    let attempts = 0;
    const stopTimer = metrics.handlerDuration.startTimer({ topic });
    // Through every attempt and every backoff between them: a dependency down for a minute
    // means a minute of quick failures and waits, and a silent member loses its partitions.
    const beat = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    try {
      await withLogContext(logBindings, () =>
        this.retryPolicy().execute(async () => {
          attempts += 1;
          try {
            return await this.options.handler(envelope, context);
          } catch (error) {
            metrics.messagesFailed.inc({ topic });
            this.logger.warn({ err: error, attempt: attempts }, 'handler failed');
            throw error;
          }
        }, this.draining.signal),
      );
      metrics.messagesProcessed.inc({ topic, outcome: 'handled' });
      // A repeat later in the batch (a producer that published twice; same key, so same lane, after this one) is a duplicate.
      seen.add(envelope.id);
      return 'handled';
    } catch (error) {
      if (error instanceof TaskCancelledError || this.draining.signal.aborted) return false;
      const exhausted = isRetryable(error);
      const failure: DeadLetterFailure = {
        reason: exhausted ? 'RETRIES_EXHAUSTED' : 'HANDLER_FAILED',
        code: error instanceof AppException ? error.code : 'UNEXPECTED_ERROR',
        message: internalDescription(error),
        attempts,
      };
      // Each message of a coalesced group goes, so a replay brings back every change it held.
      for (const dead of earlier) await this.deadLetter(dead.message, { ...origin, offset: dead.message.offset }, failure);
      await this.deadLetter(message, origin, failure);
      return 'dead-lettered';
    } finally {
      clearInterval(beat);
      stopTimer();
    }
  }

  private retryPolicy() {
    const { retries, initialDelayMs, maxDelayMs } = this.options.retry;
    // ExponentialBackoff's default generator is decorrelated jitter.
    return retry(handleWhen(isRetryable), {
      maxAttempts: retries,
      backoff: new ExponentialBackoff({ initialDelay: initialDelayMs, maxDelay: maxDelayMs }),
    });
  }

  private async deadLetter(message: KafkaMessage, origin: Parameters<typeof toDeadLetter>[1], failure: DeadLetterFailure): Promise<void> {
    const { topic, message: dead } = toDeadLetter(message, origin, failure);
    // If this throws, the offset stays uncommitted and the message comes back: nothing is lost.
    await this.options.deadLetters.sendRaw([{ topic, messages: [dead] }]);
    this.options.metrics.messagesDeadLettered.inc({ topic: origin.topic, reason: failure.reason });
    this.logger.error({ ...origin, reason: failure.reason, code: failure.code, error: failure.message }, 'message sent to the DLQ');
  }
}

type Decoded = ReturnType<typeof decode>;

/**
 * A lane's messages as handler calls when coalescing: each undecodable or already handled
 * message alone (dead-lettered or skipped), and the rest as one call of the newest.
 */
function coalesced(indexes: number[], decoded: Decoded[], seen: Set<string>): { index: number; earlier: number[] }[] {
  const fresh = indexes.filter((index) => decoded[index].ok && !seen.has((decoded[index] as { envelope: Envelope<unknown> }).envelope.id));
  const calls = indexes.filter((index) => !fresh.includes(index)).map((index) => ({ index, earlier: [] as number[] }));
  if (fresh.length > 0) calls.push({ index: fresh[fresh.length - 1], earlier: fresh.slice(0, -1) });
  return calls;
}

/** Message indexes per key, in offset order; a message without a key is a lane of its own. */
function lanesByKey(messages: KafkaMessage[]): Map<string, number[]> {
  const lanes = new Map<string, number[]>();
  messages.forEach((message, index) => {
    const key = message.key ? `k${message.key.toString('base64')}` : `#${index}`;
    const lane = lanes.get(key);
    if (lane) lane.push(index);
    else lanes.set(key, [index]);
  });
  return lanes;
}
