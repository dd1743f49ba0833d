// The environment the operator commands (npm run vault:tenant, vault:rewrap, dlq) need to reach
// the stack that `npm start` runs: written by npm start (0600, for its lifetime), read by them.
import fs from 'node:fs';
import path from 'node:path';
import { RUN } from '../stack/paths.mjs';

const FILE = path.join(RUN, 'operator-env.json');

export function writeOperatorEnv(env) {
  fs.mkdirSync(RUN, { recursive: true });
  fs.writeFileSync(FILE, JSON.stringify({ pid: process.pid, env }), { mode: 0o600 });
}

export function removeOperatorEnv() {
  fs.rmSync(FILE, { force: true });
}

/** What a running npm start wrote, or undefined when none runs. */
export function readOperatorEnv() {
  let saved;
  try {
    saved = JSON.parse(fs.readFileSync(FILE, 'utf8'));
    process.kill(saved.pid, 0);
  } catch {
    return undefined;
  }
  return saved.env;
}
