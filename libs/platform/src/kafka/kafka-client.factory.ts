import { Logger } from '@nestjs/common';
import { Kafka, LogEntry, logLevel } from 'kafkajs';

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
}

/** A kafkajs client whose own log lines go through the service's pino logger. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator: () => forwardToNestLogger,
  });
}

// kafkajs's own table of broker error codes; it exports no typed way to ask which are retriable.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { errorCodes } = require('kafkajs/src/protocol/error') as { errorCodes: { message: string; retriable: boolean }[] };
const RETRIABLE_BROKER_ERRORS = new Set(errorCodes.filter((code) => code.retriable).map((code) => code.message));

/**
 * kafkajs logs every failed broker response at ERROR, including the ones that are then dealt
 * with: retriable errors it retries (the group coordinator still loading, a leader being
 * elected for a new topic), and CreateTopics answers, which TopicAdmin retries when services
 * starting together create the same topics. A healthy start would print errors. Those go to
 * debug; an error that outlasts the retries still reaches the caller, which reports it.
 */
export function kafkajsLevelOf({ level, log }: Pick<LogEntry, 'level' | 'log'>): logLevel {
  if (level !== logLevel.ERROR || !log.message.startsWith('Response ')) return level;
  const handledByCaller = RETRIABLE_BROKER_ERRORS.has(String(log.error)) || log.message.startsWith('Response CreateTopics(');
  return handledByCaller ? logLevel.DEBUG : level;
}

const kafkajsLogger = new Logger('kafkajs');

function forwardToNestLogger(entry: LogEntry): void {
  const { message, ...extra } = entry.log;
  const level = kafkajsLevelOf(entry);
  if (level <= logLevel.ERROR) kafkajsLogger.error(extra, message);
  else if (level === logLevel.WARN) kafkajsLogger.warn(extra, message);
  else kafkajsLogger.debug?.(extra, message);
}
