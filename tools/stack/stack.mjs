// The brokers the services and tests need: from env, from Docker, or local processes.
import { dockerEngineAnswers, startWithDocker, stopDocker } from './docker.mjs';
import { installKafka, startKafka } from './kafka.mjs';
import { installMongod, startMongod } from './mongod.mjs';
import { stackPorts } from './paths.mjs';
import { runningPid, stopByPid } from './processes.mjs';

/**
 * Returns { env: { KAFKA_BROKERS, MONGO_URL }, started: [...] }. `started` lists what this
 * call started, so the caller stops only that.
 */
export async function ensureStack({ log = console.log } = {}) {
  if (process.env.KAFKA_BROKERS && process.env.MONGO_URL) {
    log('stack: using KAFKA_BROKERS and MONGO_URL from the environment');
    return { env: { KAFKA_BROKERS: process.env.KAFKA_BROKERS, MONGO_URL: process.env.MONGO_URL }, started: [] };
  }
  if (dockerEngineAnswers()) {
    log('stack: a Docker engine answers; starting the official kafka and mongo images');
    return { env: startWithDocker(), started: ['docker'] };
  }
  const ports = stackPorts();
  if (installKafka()) log('stack: installed Kafka jars');
  if (installMongod()) log('stack: installed mongod');
  const [kafka, mongod] = await Promise.all([startKafka(ports), startMongod(ports)]);
  const started = [kafka.started && 'kafka', mongod.started && 'mongod'].filter(Boolean);
  log(`stack: Kafka at ${kafka.broker}${kafka.started ? '' : ' (already running)'}, MongoDB at ${mongod.url}${mongod.started ? '' : ' (already running)'}`);
  return { env: { KAFKA_BROKERS: kafka.broker, MONGO_URL: mongod.url }, started };
}

export async function stopStack(which = ['kafka', 'mongod']) {
  if (which.includes('docker')) return stopDocker();
  // Both at once: each shuts down cleanly on SIGTERM, and neither waits for the other.
  await Promise.all(['mongod', 'kafka'].filter((name) => which.includes(name)).map((name) => stopByPid(name)));
}

export function stackStatus() {
  return Object.fromEntries(['kafka', 'mongod'].map((name) => [name, runningPid(name) ?? null]));
}
