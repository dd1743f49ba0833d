// The brokers the services and tests need: from env, from Docker, or local processes.
import { dockerEngineAnswers, startWithDocker, stopDocker } from './docker.mjs';
import { installFerretDB, startFerretDB } from './ferretdb.mjs';
import { installKafka, startKafka } from './kafka.mjs';
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
  if (installFerretDB()) log('stack: built FerretDB');
  const [kafka, ferretdb] = await Promise.all([startKafka(ports), startFerretDB(ports)]);
  const started = [kafka.started && 'kafka', ferretdb.started && 'ferretdb'].filter(Boolean);
  log(`stack: Kafka at ${kafka.broker}${kafka.started ? '' : ' (already running)'}, FerretDB at ${ferretdb.url}${ferretdb.started ? '' : ' (already running)'}`);
  return { env: { KAFKA_BROKERS: kafka.broker, MONGO_URL: ferretdb.url }, started };
}

export async function stopStack(which = ['kafka', 'ferretdb']) {
  if (which.includes('docker')) return stopDocker();
  // FerretDB first: nothing depends on it stopping last, and Kafka takes longer.
  for (const name of ['ferretdb', 'kafka'].filter((n) => which.includes(n))) await stopByPid(name);
}

export function stackStatus() {
  return Object.fromEntries(['kafka', 'ferretdb'].map((name) => [name, runningPid(name) ?? null]));
}
