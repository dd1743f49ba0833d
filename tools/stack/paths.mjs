// Where the local stack keeps its binaries, data, logs and pid files.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LOCAL = path.join(ROOT, '.local');
export const BIN = path.join(LOCAL, 'bin');
export const LOGS = path.join(LOCAL, 'logs');
export const RUN = path.join(LOCAL, 'run');
export const KAFKA_HOME = path.join(LOCAL, 'kafka');
export const MONGODB_HOME = path.join(LOCAL, 'mongodb');

export const VERSIONS = { kafka: '3.9.1', mongod: '6.0.5' };

/** Ports are configurable so a second stack (or something else) can live beside this one. */
export function stackPorts(env = process.env) {
  const port = (name, fallback) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number (1-65535)`);
    return value;
  };
  return {
    kafka: port('STACK_KAFKA_PORT', 9092),
    kafkaController: port('STACK_KAFKA_CONTROLLER_PORT', 9093),
    mongo: port('STACK_MONGO_PORT', 27017),
  };
}
