import { randomUUID } from 'node:crypto';

export interface StackEnv {
  KAFKA_BROKERS: string;
  MONGO_URL: string;
}

/** The brokers `npm test` started (or was given). Integration tests cannot run without them. */
export function stackEnv(): StackEnv {
  const { KAFKA_BROKERS, MONGO_URL } = process.env;
  if (!KAFKA_BROKERS || !MONGO_URL) {
    throw new Error('KAFKA_BROKERS and MONGO_URL are not set: run integration tests through `npm test`, which starts Kafka and the Mongo-wire store');
  }
  return { KAFKA_BROKERS, MONGO_URL };
}

/** A name no other test run uses: for databases, tenants and consumer groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** MONGO_URL pointing at `database`. */
export function mongoUrlFor(database: string, base = stackEnv().MONGO_URL): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}
