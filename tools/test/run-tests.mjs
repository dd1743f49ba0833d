#!/usr/bin/env node
// npm test: unit tests, then integration and e2e tests against a real Kafka and Mongo-wire store.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { build, ensureDependencies } from '../dev/prepare.mjs';
import { LOCAL, ROOT } from '../stack/paths.mjs';
import { ensureStack, stopStack } from '../stack/stack.mjs';

const RESULTS_DIR = path.join(LOCAL, 'test-results');
/** Every log line the integration suite writes (its services' and its own), for the log scan. */
const TEST_LOGS = path.join(LOCAL, 'test-logs');
const JEST = path.join(ROOT, 'node_modules/jest/bin/jest.js');

/** Runs one jest project; with `captureTo`, its output is also written to that file. */
function jest(project, env, extraArgs, captureTo) {
  const outputFile = path.join(RESULTS_DIR, `${project}.json`);
  fs.rmSync(outputFile, { force: true });
  const args = [JEST, '--selectProjects', project, '--json', `--outputFile=${outputFile}`, ...extraArgs];
  if (project === 'integration') args.push('--runInBand');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const capture = captureTo ? fs.createWriteStream(captureTo) : undefined;
  child.stdout.on('data', (chunk) => (process.stdout.write(chunk), capture?.write(chunk)));
  child.stderr.on('data', (chunk) => (process.stderr.write(chunk), capture?.write(chunk)));
  return new Promise((resolve) => child.on('close', (code) => (capture?.end(), resolve(code ?? 1))));
}

/** No log line of the suite may carry a credential, a test secret, or an SSN or birth date HR held. */
function scanLogs() {
  const { scanLogDirectory } = createRequire(import.meta.url)(path.join(ROOT, 'libs/testing/dist/log-scan.js'));
  const scan = scanLogDirectory(TEST_LOGS);
  console.log(`npm test: log scan: ${scan.lines} lines in ${scan.files} files, ${scan.findings.length} finding(s)`);
  for (const finding of scan.findings.slice(0, 50)) console.error(`  ${finding.kind} in ${path.relative(ROOT, path.join(TEST_LOGS, finding.file))}:${finding.line}`);
  return scan.findings.length === 0 && scan.files > 0 ? 0 : 1;
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
  const unitStatus = await jest('unit', {}, extraArgs);
  const stack = await ensureStack();
  let integrationStatus = 1;
  fs.rmSync(TEST_LOGS, { recursive: true, force: true });
  fs.mkdirSync(TEST_LOGS, { recursive: true });
  try {
    integrationStatus = await jest('integration', { ...stack.env, TEST_LOG_DIR: TEST_LOGS }, extraArgs, path.join(TEST_LOGS, 'jest-integration.log'));
  } finally {
    if (stack.started.length > 0) await stopStack(stack.started);
  }
  const scanStatus = scanLogs();
  process.exit(unitStatus || integrationStatus || scanStatus);
}

main().catch((error) => {
  console.error(`npm test: ${error.message}`);
  process.exit(1);
});
