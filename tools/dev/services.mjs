// The processes npm start runs: the five services and the two sandboxes, with their ports and databases.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL } from '../stack/paths.mjs';

/** Secrets for the local demo, new on every start and never printed. */
const demoSecret = () => randomBytes(24).toString('base64url');

export const DEMO_CUSTOMER_ID = '6268';

/** The HR sandbox signs admin JWTs with it; the gateway verifies them with it. */
const adminJwtKey = demoSecret();
const HR_API_URL = 'http://127.0.0.1:4001';

/** The dev key-encryption key, made once and kept, so stored secrets survive restarts. */
function devKekFile() {
  const file = path.join(LOCAL, 'vault', 'keks');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `dev-1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return file;
}

/** The key of `sync_state` digests: kept across runs, like the data it keys. */
function devSyncStateHashKey() {
  const file = path.join(LOCAL, 'ingest', 'sync-state-hash-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Shared by the vault and its callers for this run. */
const serviceToken = demoSecret();

/** The demo iCIMS customer's API credentials: the sandbox accepts them, the vault holds them. */
export const DEMO_ICIMS = { clientId: 'demo-client', clientSecret: demoSecret() };
export const DEMO_TENANT = 'demo';
export const DEMO_HIRED_STATUS = 'C38353';

/** The environment the vault's operator commands need, matching the running vault. */
export function vaultCommandEnv(mongoUrl) {
  return { MONGO_URL: withDatabase(mongoUrl, 'icims-sync-vault'), ...vaultEnv() };
}

function vaultEnv() {
  return { VAULT_KEK_FILE: devKekFile(), VAULT_SERVICE_TOKEN: serviceToken, HR_API_URL };
}

export const SERVICES = [
  {
    name: 'gateway',
    port: 3000,
    database: 'icims-sync',
    env: () => ({
      VAULT_URL: 'http://127.0.0.1:3001',
      VAULT_SERVICE_TOKEN: serviceToken,
      HR_API_URL,
      ADMIN_JWT_ISSUER: 'hr-sandbox',
      ADMIN_JWT_AUDIENCE: 'icims-sync',
      ADMIN_JWT_SECRET: adminJwtKey,
      // The admin page signs in as any HR sandbox user (development only).
      ADMIN_DEV_SIGN_IN: 'on',
    }),
  },
  {
    name: 'credentials-vault',
    port: 3001,
    database: 'icims-sync-vault',
    // The demo points every tenant's iCIMS at the sandbox.
    env: () => ({ ...vaultEnv(), ICIMS_API_URL_OVERRIDE: 'http://127.0.0.1:4000', ICIMS_TOKEN_URL_OVERRIDE: 'http://127.0.0.1:4000/oauth/token' }),
  },
  {
    name: 'icims-ingest',
    port: 3002,
    database: 'icims-sync',
    env: () => ({ VAULT_URL: 'http://127.0.0.1:3001', VAULT_SERVICE_TOKEN: serviceToken, HR_API_URL, SYNC_STATE_HASH_KEY: devSyncStateHashKey() }),
  },
  {
    name: 'hr-export',
    port: 3003,
    database: 'icims-sync',
    env: () => ({ VAULT_URL: 'http://127.0.0.1:3001', VAULT_SERVICE_TOKEN: serviceToken, HR_API_URL, SYNC_STATE_HASH_KEY: devSyncStateHashKey() }),
  },
  { name: 'scheduler', port: 3004, database: 'icims-sync', env: () => ({ VAULT_URL: 'http://127.0.0.1:3001', VAULT_SERVICE_TOKEN: serviceToken }) },
  {
    name: 'icims-sandbox',
    port: 4000,
    env: () => ({
      DEMO_CUSTOMER_ID,
      DEMO_CLIENT_ID: DEMO_ICIMS.clientId,
      DEMO_CLIENT_SECRET: DEMO_ICIMS.clientSecret,
      DEMO_USERNAME: 'demo',
      DEMO_PASSWORD: demoSecret(),
      DEMO_HMAC_KEY: demoSecret(),
      DEMO_SEED_COUNT: '1000',
    }),
  },
  { name: 'hr-sandbox', port: 4001, database: 'hr-sandbox', env: () => ({ JWT_SIGNING_KEY: adminJwtKey, JWT_ISSUER: 'hr-sandbox', JWT_AUDIENCE: 'icims-sync' }) },
];

/** MONGO_URL with the database path set, keeping any query string. */
export function withDatabase(mongoUrl, database) {
  const url = new URL(mongoUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
