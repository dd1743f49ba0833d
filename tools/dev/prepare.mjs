// Makes a fresh clone runnable: dependencies installed from the lockfile, TypeScript built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../stack/paths.mjs';

/** `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureDependencies(log = console.log) {
  const installed = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('prepare: installing dependencies (npm ci)');
  exec('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Incremental: a warm build only re-checks what changed. */
export function build(log = console.log) {
  log('prepare: building TypeScript (tsc -b)');
  exec(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json']);
}

function exec(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`prepare: ${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}
