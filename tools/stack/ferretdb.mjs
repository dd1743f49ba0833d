// FerretDB v1.24 (MongoDB wire protocol on SQLite), built from its Go module.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BIN, FERRETDB_HOME, LOCAL, LOGS, ROOT, VERSIONS } from './paths.mjs';
import { isPortOpen, run, runningPid, startDetached, waitFor } from './processes.mjs';

const MODULE = 'github.com/FerretDB/FerretDB';
const BINARY = path.join(BIN, 'ferretdb');
const DATA = path.join(FERRETDB_HOME, 'data');

/**
 * `go install …@v1.24.2` does not work here: the module proxy refuses the version list
 * that go install reads for its deprecation check, and a binary built outside a git
 * checkout panics without build/version/version.txt. So: download the exact module,
 * add the version file, build.
 */
export function installFerretDB() {
  if (fs.existsSync(BINARY) && run(BINARY, ['--version']).includes(VERSIONS.ferretdb)) return false;
  const download = JSON.parse(run('go', ['mod', 'download', '-json', `${MODULE}@${VERSIONS.ferretdb}`]));
  const source = path.join(LOCAL, 'src', `ferretdb-${VERSIONS.ferretdb}`);
  fs.rmSync(source, { recursive: true, force: true });
  fs.cpSync(download.Dir, source, { recursive: true });
  fs.chmodSync(path.join(source, 'build/version'), 0o755);
  fs.writeFileSync(path.join(source, 'build/version/version.txt'), `${VERSIONS.ferretdb}\n`);
  fs.mkdirSync(BIN, { recursive: true });
  run('go', ['build', '-o', BINARY, './cmd/ferretdb'], { cwd: source, stdio: 'inherit' });
  return true;
}

export async function startFerretDB(ports) {
  const url = `mongodb://127.0.0.1:${ports.mongo}`;
  if (runningPid('ferretdb')) {
    await waitUntilServing(url);
    return { url, started: false };
  }
  if (await isPortOpen(ports.mongo)) {
    throw new Error(`port ${ports.mongo} is taken by a process this stack did not start; set STACK_MONGO_PORT or MONGO_URL`);
  }
  fs.mkdirSync(DATA, { recursive: true });
  startDetached('ferretdb', BINARY, [
    '--handler=sqlite',
    // WAL with synchronous=NORMAL: a crash of FerretDB loses nothing, power loss the last
    // commits; FULL (the default) syncs every single write, the dev store's bottleneck.
    // Statement journals in memory: on disk, SQLite created, wrote and closed a temporary
    // file for nearly every insert command.
    `--sqlite-url=file:${DATA}/?_pragma=synchronous(normal)&_pragma=temp_store(memory)`,
    `--listen-addr=127.0.0.1:${ports.mongo}`,
    `--debug-addr=127.0.0.1:${ports.ferretdbDebug}`,
    // Its state.json (an instance id) goes with its data, not into the working directory.
    `--state-dir=${DATA}`,
    '--telemetry=disable',
    '--log-level=warn',
  ]);
  await waitUntilServing(url);
  return { url, started: true };
}

async function waitUntilServing(url) {
  const { MongoClient } = createRequire(path.join(ROOT, 'package.json'))('mongodb');
  await waitFor(async () => {
    if (!runningPid('ferretdb')) throw new Error(`FerretDB exited; see ${path.join(LOGS, 'ferretdb.log')}`);
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000 });
    try {
      await client.db('admin').command({ ping: 1 });
      return true;
    } finally {
      await client.close();
    }
  }, { timeoutMs: 30_000, intervalMs: 200, what: `FerretDB at ${url}` });
}
