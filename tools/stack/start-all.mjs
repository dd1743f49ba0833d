#!/usr/bin/env node
// npm start: the stack, every service (logs under .local/logs/, warnings and errors on screen),
// the banner last, and SIGINT or SIGTERM to stop it all.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build, ensureDependencies } from '../dev/prepare.mjs';
import { DEMO_ADMIN, DEMO_EMPLOYEE, connectDemoTenant, prepareWalkThroughTenants } from '../dev/demo-tenant.mjs';
import { removeOperatorEnv, writeOperatorEnv } from '../dev/operator-env.mjs';
import { routeServiceOutput } from '../dev/service-logs.mjs';
import { DEMO_CUSTOMER_ID, DEMO_HIRED_STATUS, DEMO_TENANT, SERVICES, vaultCommandEnv, withDatabase } from '../dev/services.mjs';
import { ROOT } from './paths.mjs';
import { waitFor } from './processes.mjs';
import { ensureStack, stopStack } from './stack.mjs';

const startedAt = Date.now();
const children = new Map();
let stack = { started: [] };
let stopping = false;

async function main() {
  ensureDependencies();
  build();
  stack = await ensureStack();
  console.log(`starting ${SERVICES.length} services (logs: .local/logs/<service>.log)`);
  for (const service of SERVICES) startService(service);
  await Promise.all(SERVICES.map(waitUntilReady));
  writeOperatorEnv({ KAFKA_BROKERS: stack.env.KAFKA_BROKERS, ...vaultCommandEnv(stack.env.MONGO_URL), ICIMS_SYNC_URL: 'http://127.0.0.1:3000', HR_SANDBOX_URL: 'http://127.0.0.1:4001' });
  const demo = await connectDemoTenant(stack.env);
  const { newco } = await prepareWalkThroughTenants(stack.env);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\nicims-sync is up in ${seconds} s:`);
  for (const { name, port } of SERVICES) console.log(`  ${name.padEnd(18)} http://127.0.0.1:${port}  (/readyz /metrics)`);
  console.log(`  iCIMS sandbox customer ${DEMO_CUSTOMER_ID} has 1,000 seeded people (GET /sandbox/customers/${DEMO_CUSTOMER_ID}/usage)`);
  console.log(`\nDemo tenant "${DEMO_TENANT}" is connected to that customer. Hire person 1005 in iCIMS:`);
  console.log(`  curl -s -XPOST http://127.0.0.1:4000/sandbox/customers/${DEMO_CUSTOMER_ID}/hires -H 'content-type: application/json' \\`);
  console.log(`    -d '${JSON.stringify({ targetUrl: 'http://127.0.0.1:3000/webhooks/icims', personId: '1005', newStatus: DEMO_HIRED_STATUS, auth: demo.inbound })}'`);
  console.log(`and see the employee in the HR system:\n  curl -s 'http://127.0.0.1:4001/tenants/${DEMO_TENANT}/employees?icimsId=1005'`);
  console.log(`\nAdmin API docs: http://127.0.0.1:3000/docs. Token of HR admin ${DEMO_ADMIN.displayName} (valid 1 h):`);
  const admin = `http://127.0.0.1:3000/admin/tenants/${DEMO_TENANT}`;
  const auth = `-H 'authorization: Bearer ${demo.accessToken}'`;
  console.log(`  curl -s ${admin}/icims ${auth}`);
  console.log('Press Import (a full import of the 1,000 people), then watch it live with the runId it answers:');
  console.log(`  curl -s -XPOST ${admin}/imports ${auth} -H 'content-type: application/json' -d '{"mode":"full"}'`);
  console.log(`  curl -sN ${admin}/imports/<runId>/events ${auth}`);
  console.log(`History: curl -s '${admin}/runs?limit=5' ${auth}`);
  console.log(`\nThe HR admin's page: http://127.0.0.1:3000/ui/ (development sign-in: tenant ${DEMO_TENANT}, acme or newco; user ${DEMO_ADMIN.userId}, an HR admin; ${DEMO_EMPLOYEE.userId} is refused)`);
  console.log(`  signed in as ${DEMO_ADMIN.displayName} of ${DEMO_TENANT} at once (valid 1 h): http://127.0.0.1:3000/ui/#access_token=${demo.accessToken}`);
  console.log('  acme is connected to iCIMS sandbox customer 7001 (250 people): press Preview, then Import.');
  console.log(`  newco is only enabled: walk the setup. Customer ID ${newco.customerId}, Client ID ${newco.clientId}, Client Secret ${newco.clientSecret}`);
  console.log(`  kafka              ${stack.env.KAFKA_BROKERS}\n  mongo              ${stack.env.MONGO_URL}`);
  console.log(`Operator CLI beside it (signs in as ${DEMO_ADMIN.displayName}): npx icims-sync import --tenant ${DEMO_TENANT} --full; npx icims-sync runs list --tenant ${DEMO_TENANT}`);
  console.log('Operator commands work beside it as they are: npm run vault:tenant -- --tenant demo');
  console.log(`Logs of every service, Kafka and the store: .local/logs/. Node ${process.version}. Press Ctrl-C to stop everything.\n`);
}

function startService({ name, port, database, env }) {
  const child = spawn(process.execPath, [path.join(ROOT, 'apps', name, 'dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...stack.env,
      ...(database ? { MONGO_URL: withDatabase(stack.env.MONGO_URL, database) } : {}),
      PORT: String(port),
      ...env?.(),
    },
    // Its own process group: a terminal's Ctrl-C reaches npm start alone, which stops the
    // services in order instead of all of them racing each other.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  routeServiceOutput(name, child);
  child.once('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`[${name}] exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
      void stopAll(1);
    }
  });
  children.set(name, child);
}

function waitUntilReady({ name, port }) {
  return waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, { timeoutMs: 120_000, intervalMs: 250, what: `${name} /readyz` });
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping services...');
  removeOperatorEnv();
  await Promise.all([...children.values()].map((child) => new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  })));
  if (stack.started.length > 0) {
    console.log(`stopping ${stack.started.join(' and ')}...`);
    await stopStack(stack.started);
  }
  console.log('stopped.');
  process.exit(exitCode);
}

// Whatever ends this process, no service outlives it.
process.on('exit', () => { for (const child of children.values()) child.kill('SIGKILL'); });
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch((error) => {
  console.error(`npm start: ${error.message}`);
  void stopAll(1);
});
