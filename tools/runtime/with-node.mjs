#!/usr/bin/env node
// Runs a project script on Node 24: `node tools/runtime/with-node.mjs <script.mjs|.js> [args...]`.
// npm scripts call it with `exec`, so the signals npm forwards (SIGINT, SIGTERM) reach this
// process, which passes them on to the script and exits as the script does.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE_RUNTIME, projectNode } from './node.mjs';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node tools/runtime/with-node.mjs <script> [args...]');
  process.exit(2);
}
if (!fs.existsSync(script)) {
  console.error(`node: ${script} does not exist${/\/dist\//.test(script) ? ' (it is built by npm run build, or by npm start)' : ''}`);
  process.exit(2);
}

let node;
try {
  node = projectNode();
} catch (error) {
  console.error(`node: ${error.message}`);
  process.exit(1);
}
// A CLI that promises one line on failure asks for quiet (RUNTIME_NOTICES=off).
if (node.local && process.env.RUNTIME_NOTICES !== 'off') {
  const how = node.installed ? 'installed' : 'using';
  console.error(`node: system Node ${process.version} is older than ${NODE_RUNTIME.major}; ${how} Node v${NODE_RUNTIME.version} from .local/node/`);
}

// Its bin first on PATH, so `node` and `npm` in anything the script starts run on it too.
const env = { ...process.env, PATH: `${path.dirname(node.execPath)}${path.delimiter}${process.env.PATH ?? ''}` };
const child = spawn(node.execPath, [script, ...args], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.once('error', (error) => {
  console.error(`node: could not run ${script}: ${error.message}`);
  process.exit(1);
});
// A script killed by a signal exits the shell way, 128 + the signal's number.
child.once('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
