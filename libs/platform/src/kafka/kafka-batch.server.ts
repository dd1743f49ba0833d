import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { ALL_TOPICS, TopicName } from '@icims-sync/contracts';
import { EnvelopeHandler, KafkaBatchConsumer } from './batch-consumer';

export type BatchConsumerFactory = (topic: TopicName, handler: EnvelopeHandler) => KafkaBatchConsumer;

/** Each topic has its own consumer group: `<group>.<topic>`. */
export function consumerGroupOf(baseGroupId: string, topic: string): string {
  return `${baseGroupId}.${topic}`;
}

/**
 * Nest transport that routes `@EventPattern(Topic.X)` handlers to our batch consumer
 * (Nest's own Kafka transport commits per message before effects are durable). One
 * consumer per topic: kafkajs fetches again only when every batch of a fetch is done, so
 * a minutes-long import must not share a consumer with second-long hires.
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private consumers: KafkaBatchConsumer[] = [];

  constructor(private readonly createConsumer: BatchConsumerFactory) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [pattern, handler] of this.messageHandlers) this.consumers.push(this.createConsumer(asTopic(pattern), toEnvelopeHandler(handler)));
      await Promise.all(this.consumers.map((consumer) => consumer.start()));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  on(): never {
    throw new Error('KafkaBatchServer does not emit events');
  }

  unwrap<T>(): T {
    return this.consumers as T;
  }
}

function asTopic(pattern: string): TopicName {
  if (!(ALL_TOPICS as readonly string[]).includes(pattern)) {
    throw new Error(`@EventPattern("${pattern}") is not a topic of the contracts lib`);
  }
  return pattern as TopicName;
}

function toEnvelopeHandler(handler: MessageHandler): EnvelopeHandler {
  return async (envelope, context) => {
    const result: unknown = await handler(envelope, context);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  };
}
