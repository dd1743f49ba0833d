// The demo tenant, set up the way an HR admin would: operator flag, then the admin API.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../stack/paths.mjs';
import { DEMO_CUSTOMER_ID, DEMO_HIRED_STATUS, DEMO_ICIMS, DEMO_TENANT, vaultCommandEnv } from './services.mjs';

const GATEWAY = 'http://127.0.0.1:3000';
const HR = 'http://127.0.0.1:4001';
export const DEMO_ADMIN = { userId: 'ada', displayName: 'Ada Admin' };

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

/** Enables the integration (operator), then consents, connects and sets up inbound auth as the demo HR admin. */
export async function connectDemoTenant(stackEnv) {
  const enable = spawnSync(process.execPath, [path.join(ROOT, 'apps/credentials-vault/dist/cli/tenant.cli.js'), '--tenant', DEMO_TENANT, '--enable'], {
    cwd: ROOT,
    env: { ...process.env, ...stackEnv, ...vaultCommandEnv(stackEnv.MONGO_URL) },
    encoding: 'utf8',
  });
  if (enable.status !== 0) throw new Error(`enabling the demo tenant failed: ${enable.stderr.trim()}`);

  const tenantUrl = `${HR}/tenants/${DEMO_TENANT}`;
  await call('PUT', `${tenantUrl}/users/${DEMO_ADMIN.userId}`, { displayName: DEMO_ADMIN.displayName, roles: ['HR_ADMIN'], active: true });
  const { accessToken } = await call('POST', `${tenantUrl}/users/${DEMO_ADMIN.userId}/tokens`);
  const settings = `${GATEWAY}/admin/tenants/${DEMO_TENANT}/icims`;
  await call('PUT', `${settings}/consent`, { accepted: true }, accessToken);
  await call('PUT', `${settings}/credentials`, { method: 'oauth2', region: 'US', customerId: DEMO_CUSTOMER_ID, clientId: DEMO_ICIMS.clientId, clientSecret: DEMO_ICIMS.clientSecret }, accessToken);
  const connected = await call('POST', `${settings}/connect`, undefined, accessToken);
  if (connected.status !== 'connected') throw new Error(`the demo tenant did not connect: ${connected.message}`);
  const inbound = await call('POST', `${settings}/inbound-auth`, { method: 'basic' }, accessToken);
  await call('PUT', `${settings}/hired-statuses`, { statusIds: [DEMO_HIRED_STATUS] }, accessToken);
  return { accessToken, inbound: { method: 'basic', username: inbound.identity, password: inbound.secret } };
}
