#!/usr/bin/env node
// npm test: unit tests, then integration and e2e tests against a real Kafka and Mongo-wire store.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, ensureDependencies } from '../dev/prepare.mjs';
import { LOCAL, ROOT } from '../stack/paths.mjs';
import { ensureStack, stopStack } from '../stack/stack.mjs';

const RESULTS_DIR = path.join(LOCAL, 'test-results');
const JEST = path.join(ROOT, 'node_modules/jest/bin/jest.js');

function jest(project, env, extraArgs) {
  const outputFile = path.join(RESULTS_DIR, `${project}.json`);
  fs.rmSync(outputFile, { force: true });
  const args = [JEST, '--selectProjects', project, '--json', `--outputFile=${outputFile}`, ...extraArgs];
  if (project === 'integration') args.push('--runInBand');
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function check(what, args) {
  console.log(`npm test: ${what}`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm test: ${what} failed`);
    process.exit(1);
  }
}

async function main() {
  const extraArgs = process.argv.slice(2);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  ensureDependencies();
  build();
  check('lint', ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);
  check('typecheck (tests included)', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
  const unitStatus = jest('unit', {}, extraArgs);
  const stack = await ensureStack();
  let integrationStatus = 1;
  try {
    integrationStatus = jest('integration', stack.env, extraArgs);
  } finally {
    if (stack.started.length > 0) await stopStack(stack.started);
  }
  process.exit(unitStatus !== 0 ? unitStatus : integrationStatus);
}

main().catch((error) => {
  console.error(`npm test: ${error.message}`);
  process.exit(1);
});
