#!/usr/bin/env node
// `npm start` as a newcomer meets it, checked from outside: its output goes to a file, the
// banner must be among the last 40 lines, a demo hire must land in HR, an operator command must
// work beside it, the file must hold no ERROR and no colour codes, and `kill -INT` of the npm
// process must leave no process and no open port behind. Writes its checks to
// .local/test-results/npm-start.json for the CI summary.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL, ROOT, stackPorts } from '../stack/paths.mjs';
import { isPortOpen, waitFor } from '../stack/processes.mjs';
import { DEMO_TENANT, SERVICES } from '../dev/services.mjs';

const RESULTS = path.join(LOCAL, 'test-results');
const OUTPUT = path.join(RESULTS, 'npm-start.log');
const BANNER = 'icims-sync is up';
const ports = [...SERVICES.map((service) => service.port), ...Object.values(stackPorts())];
const checks = [];

function check(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`npm start check: ${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

const output = () => fs.readFileSync(OUTPUT, 'utf8');

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const taken = [];
  for (const port of ports) if (await isPortOpen(port)) taken.push(port);
  if (taken.length > 0) throw new Error(`ports ${taken.join(', ')} are in use before npm start; stop what holds them first`);

  const out = fs.openSync(OUTPUT, 'w');
  const npm = spawn('npm', ['start'], { cwd: ROOT, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exited = new Promise((resolve) => npm.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    await waitFor(() => output().includes(BANNER) || npm.exitCode !== null, { timeoutMs: 15 * 60_000, intervalMs: 500, what: 'the npm start banner' });
    if (!output().includes(BANNER)) {
      process.stderr.write(`npm start check: the last lines of npm start:\n${output().split('\n').slice(-25).join('\n')}\n`);
      throw new Error(`npm start exited before its banner; see ${OUTPUT}`);
    }
    await demoHire();
    const operator = spawnSync('npm', ['run', '--silent', 'vault:tenant', '--', '--tenant', DEMO_TENANT], { cwd: ROOT, encoding: 'utf8' });
    check('npm run vault:tenant works beside npm start', operator.status === 0 && operator.stdout.includes(`"tenantId":"${DEMO_TENANT}"`), (operator.stderr || operator.stdout).trim());
    // Anything the services log in the meantime lands after the banner; give the hire's lines time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    inspectOutput();
  } finally {
    npm.kill('SIGINT');
  }
  const { code, signal } = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve({ code: 'still running after 60 s' }), 60_000))]);
  check('kill -INT of the npm start process ends it', code === 0, `exit ${code ?? signal}`);
  const open = [];
  for (const port of ports) if (await isPortOpen(port)) open.push(port);
  check('no port left open after kill -INT', open.length === 0, `still open: ${open.join(', ')}`);
  const left = processesOfThisCheckout();
  check('no process left behind after kill -INT', left.length === 0, left.join('; '));
}

async function demoHire() {
  const hire = output().match(/-d '(\{"targetUrl".*\})'/);
  if (!hire) return check('the banner shows a demo hire', false, 'no hire command in the banner');
  const sandbox = output().match(/curl -s -XPOST (http:\/\/127\.0\.0\.1:4000\/sandbox\/customers\/\d+\/hires)/)[1];
  const response = await fetch(sandbox, { method: 'POST', headers: { 'content-type': 'application/json' }, body: hire[1] });
  check('the demo hire is accepted by the iCIMS sandbox', response.ok, `HTTP ${response.status}`);
  const { personId } = JSON.parse(hire[1]);
  const landed = await waitFor(async () => {
    const employees = await (await fetch(`http://127.0.0.1:4001/tenants/${DEMO_TENANT}/employees?icimsId=${personId}`)).json();
    return employees.items?.length > 0 || employees.length > 0;
  }, { timeoutMs: 30_000, what: `employee for iCIMS person ${personId}` }).then(() => true, () => false);
  check('the demo hire lands in the HR sandbox', landed);
}

function inspectOutput() {
  const lines = output().split('\n');
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const bannerAt = lines.findIndex((line) => line.includes(BANNER));
  check('the banner is among the last 40 lines', bannerAt >= lines.length - 40, `banner at line ${bannerAt + 1} of ${lines.length}`);
  const errors = lines.filter((line) => /\bERROR\b/.test(line));
  check('no ERROR line after a healthy start and a demo hire', errors.length === 0, errors.slice(0, 5).join(' | '));
  const coloured = lines.filter((line) => line.includes('\u001b['));
  check('no colour codes in the file', coloured.length === 0, `${coloured.length} line(s), first: ${JSON.stringify(coloured[0])}`);
}

/** Processes npm start runs (the services, the stack, npm start itself), other than this check and its parents. */
function processesOfThisCheckout() {
  const mine = new Set();
  for (let pid = process.pid; pid > 1; pid = parentOf(pid)) mine.add(pid);
  return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && !mine.has(Number(entry))).flatMap((pid) => {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      const ours = command.includes(ROOT) || (fs.readlinkSync(`/proc/${pid}/cwd`) === ROOT && /npm start|start-all\.mjs/.test(command));
      return ours ? [`${pid} ${command.slice(0, 120)}`] : [];
    } catch {
      return [];
    }
  });
}

function parentOf(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return 1;
  }
}

main()
  .catch((error) => check('npm start runs', false, error.message))
  .finally(() => {
    const failed = checks.filter((entry) => !entry.ok).length;
    fs.writeFileSync(path.join(RESULTS, 'npm-start.json'), JSON.stringify({ passed: checks.length - failed, failed }));
    if (failed > 0) console.error(`npm start check: ${failed} failed; the whole output is in ${OUTPUT}`);
    process.exit(failed > 0 ? 1 : 0);
  });
