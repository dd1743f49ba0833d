#!/usr/bin/env node
// Runs an operator command (a compiled CLI) beside a running `npm start` with no setup: the
// variables it needs come from that npm start, and any set in the environment win.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../stack/paths.mjs';
import { readOperatorEnv } from './operator-env.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!fs.existsSync(path.join(ROOT, entry))) {
  console.error(`operator: ${entry} is not built yet; run npm run build (npm start builds too)`);
  process.exit(2);
}
const fromNpmStart = readOperatorEnv();
if (fromNpmStart) {
  for (const [name, value] of Object.entries(fromNpmStart)) process.env[name] ??= value;
} else if ((!process.env.MONGO_URL || !process.env.KAFKA_BROKERS) && process.env.RUNTIME_NOTICES !== 'off') {
  console.error('operator: no `npm start` is running here, so the variables come from the environment only (README, "Operator commands")');
}
process.argv = [process.argv[0], path.join(ROOT, entry), ...args];
await import(pathToFileURL(path.join(ROOT, entry)).href);
