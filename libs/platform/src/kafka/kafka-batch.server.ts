import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { ALL_TOPICS, TopicName } from '@icims-sync/contracts';
import { EnvelopeHandler, KafkaBatchConsumer } from './batch-consumer';

export type BatchConsumerFactory = (handlers: ReadonlyMap<TopicName, EnvelopeHandler>) => KafkaBatchConsumer;

/**
 * Nest transport that routes `@EventPattern(Topic.X)` handlers to our batch consumer
 * (Nest's own Kafka transport commits per message before effects are durable).
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  private consumer?: KafkaBatchConsumer;

  constructor(private readonly createConsumer: BatchConsumerFactory) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers = new Map<TopicName, EnvelopeHandler>();
      for (const [pattern, handler] of this.messageHandlers) handlers.set(asTopic(pattern), toEnvelopeHandler(handler));
      if (handlers.size === 0) return callback();
      this.consumer = this.createConsumer(handlers);
      await this.consumer.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaBatchServer does not emit events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
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
