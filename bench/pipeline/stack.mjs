// Shared by the pipeline benchmarks: the real processes on the local broker and store.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
/** The compiled test harness (npm run build first); the sync-stack module only, no Jest. */
const { SyncStack } = require('../../libs/testing/dist/sync-stack.js');
export const { callJson } = require('../../libs/testing/dist/admin-api.js');

/**
 * The stack as deployed: tests switch the settings and owner-check caches off to see changes
 * at once; a benchmark keeps the defaults (30 s and 60 s), as production does.
 */
export function startBenchStack(ingestEnv = {}, exportEnv = undefined) {
  return SyncStack.start({
    ingestEnv: { SETTINGS_CACHE_MS: '30000', ...ingestEnv },
    vaultEnv: { OWNER_CHECK_TTL_MS: '60000' },
    ...(exportEnv ? { exportEnv: { SETTINGS_CACHE_MS: '30000', ...exportEnv } } : {}),
  });
}

export function requireStackEnv() {
  if (!process.env.KAFKA_BROKERS || !process.env.MONGO_URL) {
    console.error('KAFKA_BROKERS and MONGO_URL are not set. Start Kafka and mongod with `node tools/stack/cli.mjs start` and export what it prints.');
    process.exit(2);
  }
}

export const randomCustomerId = () => String(100_000 + Math.floor(Math.random() * 800_000));

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMiB(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
