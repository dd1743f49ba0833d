// Where a Docker engine answers, the official images replace the local processes.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.mjs';
import { run } from './processes.mjs';

const COMPOSE = ['compose', '-f', path.join(ROOT, 'docker-compose.yml')];
const SERVICES = ['kafka', 'mongo'];

export function dockerEngineAnswers() {
  if (process.env.STACK_NO_DOCKER === '1') return false;
  const probe = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 5_000 });
  return probe.status === 0 && probe.stdout.trim().length > 0;
}

/** `docker compose up --wait` returns once both healthchecks pass. */
export function startWithDocker() {
  run('docker', [...COMPOSE, 'up', '-d', '--wait', ...SERVICES], { stdio: 'inherit' });
  return { KAFKA_BROKERS: '127.0.0.1:9092', MONGO_URL: 'mongodb://127.0.0.1:27017' };
}

export function stopDocker() {
  run('docker', [...COMPOSE, 'stop', ...SERVICES], { stdio: 'inherit' });
}
