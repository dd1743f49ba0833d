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

const kafkajsLogger = new Logger('kafkajs');

function forwardToNestLogger({ level, log }: LogEntry): void {
  const { message, ...extra } = log;
  if (level <= logLevel.ERROR) kafkajsLogger.error(extra, message);
  else if (level === logLevel.WARN) kafkajsLogger.warn(extra, message);
  else kafkajsLogger.debug?.(extra, message);
}
