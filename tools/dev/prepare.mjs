// Makes a fresh clone runnable: dependencies installed from the lockfile, TypeScript and the admin page built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../stack/paths.mjs';
import { buildAdminWeb } from './build-admin-web.mjs';
import { LOCKFILE_FIX, checkLockfile } from './lockfile.mjs';

/** `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureDependencies(log = console.log) {
  const installed = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('prepare: installing dependencies (npm ci)');
  installDependencies();
}

/** The lockfile guard, then `npm ci` (engine-strict, install scripts by policy: see .npmrc). */
function installDependencies() {
  const problems = checkLockfile();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`prepare: ${problem}`);
    console.error(`prepare: ${LOCKFILE_FIX}`);
    process.exit(1);
  }
  exec('npm', ['ci', '--no-audit', '--no-fund'], 'npm ci refused the install (see above): package-lock.json must satisfy package.json, engines and the allowScripts policy');
}

/** Incremental: a warm build only re-checks what changed. */
export function build(log = console.log) {
  log('prepare: building TypeScript (tsc -b)');
  exec(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json']);
  buildAdminWeb(log);
}

function exec(command, args, hint) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`prepare: ${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})${hint ? `: ${hint}` : ''}`);
    process.exit(1);
  }
}
