import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { IHeaders, Kafka, Partitioners, Producer } from 'kafkajs';
import { OutgoingEvent } from '@icims-sync/contracts';
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

interface WaitingPublish {
  batches: TopicBatch[];
  resolve: () => void;
  reject: (error: unknown) => void;
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
  private readonly waiting: WaitingPublish[] = [];
  private flushing?: Promise<void>;

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
      await Promise.race([this.enqueue(batches), timeout]);
    } catch (error) {
      if (error instanceof DependencyUnavailableException) throw error;
      throw new DependencyUnavailableException('kafka', (error as Error).message);
    } finally {
      clearTimeout(timer);
    }
    for (const { topic, messages } of batches) this.metrics.messagesPublished.inc({ topic }, messages.length);
  }

  /**
   * Group commit: the idempotent producer sends one request at a time, so publishes that
   * arrive while one is in flight go together in the next request, in arrival order.
   * Each caller still resolves only once its own messages are acknowledged.
   */
  private enqueue(batches: TopicBatch[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ batches, resolve, reject });
      this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
    });
  }

  private async flush(): Promise<void> {
    await this.connect().catch(() => undefined);
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0);
      const byTopic = new Map<string, RawMessage[]>();
      for (const { batches } of group) for (const { topic, messages } of batches) byTopic.set(topic, [...(byTopic.get(topic) ?? []), ...messages]);
      try {
        await this.connect();
        await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
        for (const waiter of group) waiter.resolve();
      } catch (error) {
        for (const waiter of group) waiter.reject(error);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect().catch((error: unknown) => this.logger.warn({ err: error }, 'producer disconnect failed'));
  }
}
