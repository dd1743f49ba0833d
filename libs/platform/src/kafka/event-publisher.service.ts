import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { IHeaders, Kafka, Partitioners, Producer } from 'kafkajs';
import { OutgoingEvent } from '@icims-sync/contracts';
import { GroupCommit } from '../batching/group-commit';
import { DependencyUnavailableException } from '../errors/app.exception';
import { MetricsService } from '../metrics/metrics.service';
import { TRACEPARENT_HEADER, nextTraceparent } from './traceparent.util';

export interface RawMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: IHeaders;
}

interface TopicBatch {
  topic: string;
  messages: RawMessage[];
}

/**
 * The service's one idempotent producer (acks=all). `publish` resolves only once the
 * broker has acknowledged, which is what lets the gateway answer a webhook.
 */
@Injectable()
export class EventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly producer: Producer;
  private connecting?: Promise<void>;
  /**
   * The idempotent producer sends one request at a time, so publishes that arrive while one
   * is in flight go together in the next request, in arrival order.
   */
  private readonly sends = new GroupCommit<TopicBatch[], void>((groups) => this.sendTogether(groups));

  constructor(
    kafka: Kafka,
    private readonly metrics: MetricsService,
    private readonly timeoutMs: number,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      // Idempotence needs one in-flight request to keep per-partition order on retries.
      maxInFlightRequests: 1,
      // Unlimited retries keep the idempotence guarantee; publish() bounds the caller's wait.
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 30_000 },
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
  }

  connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async publish(events: OutgoingEvent[], parentTraceparent?: string): Promise<void> {
    const byTopic = new Map<string, RawMessage[]>();
    for (const { topic, key, envelope } of events) {
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key, value: JSON.stringify(envelope), headers: { [TRACEPARENT_HEADER]: nextTraceparent(parentTraceparent) } });
      byTopic.set(topic, messages);
    }
    await this.sendRaw([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }

  /** Bytes as they are: the DLQ and replay keep a poison message exactly as it came. */
  async sendRaw(batches: TopicBatch[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DependencyUnavailableException('kafka', `no acknowledgement within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([this.sends.submit(batches), timeout]);
    } catch (error) {
      if (error instanceof DependencyUnavailableException) throw error;
      throw new DependencyUnavailableException('kafka', (error as Error).message);
    } finally {
      clearTimeout(timer);
    }
    for (const { topic, messages } of batches) this.metrics.messagesPublished.inc({ topic }, messages.length);
  }

  private async sendTogether(groups: TopicBatch[][]): Promise<void[]> {
    const byTopic = new Map<string, RawMessage[]>();
    for (const batches of groups) {
      for (const { topic, messages } of batches) {
        const forTopic = byTopic.get(topic) ?? [];
        forTopic.push(...messages);
        byTopic.set(topic, forTopic);
      }
    }
    await this.connect();
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    return groups.map(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect().catch((error: unknown) => this.logger.warn({ err: error }, 'producer disconnect failed'));
  }
}
