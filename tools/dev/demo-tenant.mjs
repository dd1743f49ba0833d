// The demo tenant, set up the way an HR admin would: operator flag, then the admin API.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ROOT } from '../stack/paths.mjs';
import { DEMO_CUSTOMER_ID, DEMO_HIRED_STATUS, DEMO_ICIMS, DEMO_TENANT, vaultCommandEnv } from './services.mjs';

const GATEWAY = 'http://127.0.0.1:3000';
const HR = 'http://127.0.0.1:4001';
const ICIMS_SANDBOX = 'http://127.0.0.1:4000';
export const DEMO_ADMIN = { userId: 'ada', displayName: 'Ada Admin' };
/** A user of every demo tenant who is no HR admin: the admin page refuses them. */
export const DEMO_EMPLOYEE = { userId: 'sam', displayName: 'Sam Staff' };

async function call(method, url, body, token) {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(json?.error ?? json)}`);
  return json;
}

/** The operator flag, as an operator sets it (the vault's tenant command). */
function enableTenant(stackEnv, tenantId) {
  const enable = spawnSync(process.execPath, [path.join(ROOT, 'apps/credentials-vault/dist/cli/tenant.cli.js'), '--tenant', tenantId, '--enable'], {
    cwd: ROOT,
    env: { ...process.env, ...stackEnv, ...vaultCommandEnv(stackEnv.MONGO_URL) },
    encoding: 'utf8',
  });
  if (enable.status !== 0) throw new Error(`enabling tenant ${tenantId} failed: ${enable.stderr.trim()}`);
}

/** The tenant's HR users (an HR admin and an employee), and the admin's sign-in. */
async function addUsers(tenantId) {
  const tenantUrl = `${HR}/tenants/${tenantId}`;
  await call('PUT', `${tenantUrl}/users/${DEMO_ADMIN.userId}`, { displayName: DEMO_ADMIN.displayName, roles: ['HR_ADMIN'], active: true });
  await call('PUT', `${tenantUrl}/users/${DEMO_EMPLOYEE.userId}`, { displayName: DEMO_EMPLOYEE.displayName, roles: ['EMPLOYEE'], active: true });
  return (await call('POST', `${tenantUrl}/users/${DEMO_ADMIN.userId}/tokens`)).accessToken;
}

/** What the admin page does for a tenant: consent, OAuth credentials, Connect, inbound auth, hired statuses. */
async function connectAsAdmin(tenantId, accessToken, icims) {
  const settings = `${GATEWAY}/admin/tenants/${tenantId}/icims`;
  await call('PUT', `${settings}/consent`, { accepted: true }, accessToken);
  await call('PUT', `${settings}/credentials`, { method: 'oauth2', region: 'US', ...icims }, accessToken);
  const connected = await call('POST', `${settings}/connect`, undefined, accessToken);
  if (connected.status !== 'connected') throw new Error(`tenant ${tenantId} did not connect: ${connected.message}`);
  const inbound = await call('POST', `${settings}/inbound-auth`, { method: 'basic' }, accessToken);
  await call('PUT', `${settings}/hired-statuses`, { statusIds: [DEMO_HIRED_STATUS] }, accessToken);
  return { method: 'basic', username: inbound.identity, password: inbound.secret };
}

/** Enables the integration (operator), then consents, connects and sets up inbound auth as the demo HR admin. */
export async function connectDemoTenant(stackEnv) {
  enableTenant(stackEnv, DEMO_TENANT);
  const accessToken = await addUsers(DEMO_TENANT);
  const inbound = await connectAsAdmin(DEMO_TENANT, accessToken, { customerId: DEMO_CUSTOMER_ID, clientId: DEMO_ICIMS.clientId, clientSecret: DEMO_ICIMS.clientSecret });
  return { accessToken, inbound };
}

/**
 * Two more tenants for the admin page and the CLI: `acme`, connected to an iCIMS sandbox
 * customer of its own with 250 people; `newco`, only enabled, for walking the setup from
 * the start (its iCIMS credentials are returned for the page's form).
 */
export async function prepareWalkThroughTenants(stackEnv) {
  const customers = { acme: { customerId: '7001', clientId: 'acme-client', clientSecret: randomBytes(12).toString('hex') }, newco: { customerId: '7002', clientId: 'newco-client', clientSecret: randomBytes(12).toString('hex') } };
  for (const [tenantId, icims] of Object.entries(customers)) {
    await call('PUT', `${ICIMS_SANDBOX}/sandbox/customers/${icims.customerId}`, { clientId: icims.clientId, clientSecret: icims.clientSecret });
    await call('POST', `${ICIMS_SANDBOX}/sandbox/customers/${icims.customerId}/seed`, { count: 250, seed: Number(icims.customerId) });
    enableTenant(stackEnv, tenantId);
  }
  // The sandbox keeps people in memory and the secrets are new each start: connect again, as the demo does.
  await connectAsAdmin('acme', await addUsers('acme'), customers.acme);
  await addUsers('newco');
  return { newco: customers.newco };
}
