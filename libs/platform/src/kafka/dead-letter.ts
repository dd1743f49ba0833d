import { IHeaders, KafkaMessage } from 'kafkajs';
import { dlqTopicOf } from '@icims-sync/contracts';
import { RawMessage } from './event-publisher.service';

export type DeadLetterReason = 'DECODE_ERROR' | 'HANDLER_FAILED' | 'RETRIES_EXHAUSTED';

export interface DeadLetterFailure {
  reason: DeadLetterReason;
  /** A stable code: the decode error's code, or the handler error's. */
  code: string;
  message: string;
  attempts: number;
}

export interface MessageOrigin {
  topic: string;
  partition: number;
  offset: string;
  groupId: string;
}

/** Headers a DLQ message carries on top of the original ones. */
export const DLQ_HEADER = {
  reason: 'x-dlq-reason',
  code: 'x-dlq-error-code',
  message: 'x-dlq-error-message',
  attempts: 'x-dlq-attempts',
  originTopic: 'x-dlq-origin-topic',
  originPartition: 'x-dlq-origin-partition',
  originOffset: 'x-dlq-origin-offset',
  consumerGroup: 'x-dlq-consumer-group',
  failedAt: 'x-dlq-failed-at',
} as const;

const MAX_ERROR_MESSAGE = 1_000;

/** The poison message, byte for byte, plus why and where it failed. */
export function toDeadLetter(message: KafkaMessage, origin: MessageOrigin, failure: DeadLetterFailure): { topic: string; message: RawMessage } {
  const headers: IHeaders = {
    ...message.headers,
    [DLQ_HEADER.reason]: failure.reason,
    [DLQ_HEADER.code]: failure.code,
    [DLQ_HEADER.message]: failure.message.slice(0, MAX_ERROR_MESSAGE),
    [DLQ_HEADER.attempts]: String(failure.attempts),
    [DLQ_HEADER.originTopic]: origin.topic,
    [DLQ_HEADER.originPartition]: String(origin.partition),
    [DLQ_HEADER.originOffset]: origin.offset,
    [DLQ_HEADER.consumerGroup]: origin.groupId,
    [DLQ_HEADER.failedAt]: new Date().toISOString(),
  };
  return { topic: dlqTopicOf(origin.topic), message: { key: message.key, value: message.value, headers } };
}

/** The original headers, for putting a replayed message back as it was. */
export function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  const dlqKeys = new Set<string>(Object.values(DLQ_HEADER));
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([key]) => !dlqKeys.has(key)));
}
