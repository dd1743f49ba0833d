import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { MongoClient } from 'mongodb';
import { request } from 'undici';
import { IcimsClient, RequestBudget, sha256Hex, signRequest } from '@icims-sync/icims-client';
import { RemoteIcimsAuthorizer, VaultInternalClient } from '@icims-sync/vault-client';
import { RunningService, bootstrapService } from '@icims-sync/platform';
import { ServiceProcess, freePort, mongoUrlFor, stackEnv, uniqueName } from '@icims-sync/testing';
import { credentialsVaultService } from '../src/bootstrap';
import { CredentialsVaultConfig } from '../src/config/app.config';
import { ConnectionRepository } from '../src/connections/connection.repository';
import { VaultSecrets, hintOf } from '../src/connections/vault-secrets.service';
import { EnvelopeCipher } from '../src/crypto/envelope-cipher';
import { KeyRing } from '../src/crypto/key-ring';

const K1 = `k1:${randomBytes(32).toString('base64')}`;
const K2 = `k2:${randomBytes(32).toString('base64')}`;
const SERVICE_TOKEN = randomBytes(24).toString('hex');

describe('credentials-vault internal API (real store, real HTTP)', () => {
  const database = uniqueName('vault');
  const secrets = { clientSecret: `cs-${randomBytes(12).toString('hex')}`, basicPassword: `pw-${randomBytes(12).toString('hex')}`, hmacKey: `hk-${randomBytes(12).toString('hex')}`, oauthSecret: `os-${randomBytes(12).toString('hex')}` };
  const tenants = { basic: uniqueName('basic'), hmac: uniqueName('hmac'), oauth: uniqueName('oauth') };
  const customers = { basic: String(8100 + Math.floor(Math.random() * 800)), hmac: '', oauth: '' };
  customers.hmac = String(Number(customers.basic) + 1000);
  customers.oauth = String(Number(customers.basic) + 2000);
  let sandbox: ServiceProcess;
  let sandboxUrl: string;
  let vault: RunningService<CredentialsVaultConfig>;
  let mongo: MongoClient;
  let personId: string;

  beforeAll(async () => {
    const port = await freePort();
    sandboxUrl = `http://127.0.0.1:${port}`;
    sandbox = ServiceProcess.start('apps/icims-sandbox/dist/main.js', { PORT: String(port), LOG_LEVEL: 'warn' });
    await sandbox.waitUntilReady(sandboxUrl);
    await admin('PUT', customers.basic, { clientId: 'acme-client', clientSecret: secrets.clientSecret });
    personId = (await admin('POST', `${customers.basic}/people`, { firstname: 'Ada', lastname: 'Lovelace' })).id;

    vault = await bootstrapService(credentialsVaultService, {
      ...stackEnv(),
      MONGO_URL: mongoUrlFor(database),
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      VAULT_KEKS: `${K1},${K2}`,
      VAULT_ACTIVE_KEK_ID: 'k1',
      VAULT_SERVICE_TOKEN: SERVICE_TOKEN,
      HR_API_URL: 'http://127.0.0.1:9',
      ICIMS_API_URL_OVERRIDE: sandboxUrl,
      ICIMS_TOKEN_URL_OVERRIDE: `${sandboxUrl}/oauth/token`,
    });
    await seedConnections();
    mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
  });
  afterAll(async () => {
    await vault?.app.close();
    await mongo?.close();
    await sandbox?.ensureStopped();
  });

  async function admin(method: 'PUT' | 'POST', path: string, body: unknown) {
    const response = await request(`${sandboxUrl}/sandbox/customers/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return response.body.json() as Promise<{ id: string }>;
  }

  /** Until the admin API exists (issue 5), connections are written through the vault's own repository. */
  async function seedConnections() {
    const repository = vault.app.get(ConnectionRepository);
    const vaultSecrets = vault.app.get(VaultSecrets);
    const inbound = (tenantId: string, method: 'basic' | 'hmac' | 'oauth', identity: string, secret: string) => ({
      method,
      identity,
      secret: vaultSecrets.seal(tenantId, 'inbound.secret', secret),
      createdAt: new Date(),
    });
    await repository.update(tenants.basic, {
      enabled: true,
      customerId: customers.basic,
      hiredStatusIds: ['C38353'],
      outbound: { method: 'oauth2', region: 'US', clientId: 'acme-client', secret: vaultSecrets.seal(tenants.basic, 'outbound.secret', secrets.clientSecret), secretHint: hintOf(secrets.clientSecret) },
      inbound: inbound(tenants.basic, 'basic', 'icims-basic', secrets.basicPassword),
    });
    await repository.update(tenants.hmac, { enabled: true, customerId: customers.hmac, inbound: inbound(tenants.hmac, 'hmac', 'icims-hmac', secrets.hmacKey) });
    await repository.update(tenants.oauth, { enabled: true, customerId: customers.oauth, inbound: inbound(tenants.oauth, 'oauth', `client-${tenants.oauth}`, secrets.oauthSecret) });
  }

  async function internal(path: string, body: unknown, token = SERVICE_TOKEN) {
    const response = await request(`${vault.url}/internal/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-service-token': token }, body: JSON.stringify(body) });
    const text = await response.body.text();
    return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
  }

  const verify = (customerId: string, headers: Record<string, string>, body: Buffer) =>
    internal('inbound/verify', { customerId, method: 'POST', pathAndQuery: '/webhooks/icims', headers, body: body.toString('base64') });

  it('keeps no secret in clear in the raw connections documents', async () => {
    const raw = JSON.stringify(await mongo.db(database).collection('connections').find().toArray());

    for (const secret of Object.values(secrets)) expect(raw).not.toContain(secret);
    expect(raw).toContain('"kid":"k1"');
  });

  it('signs iCIMS requests: a client holding no secret reads a person through the vault', async () => {
    const client = new IcimsClient({
      baseUrl: sandboxUrl,
      authorizer: new RemoteIcimsAuthorizer(new VaultInternalClient(vault.url, SERVICE_TOKEN)),
      budget: new RequestBudget(() => ({ dailyLimit: 100, reserveForManual: 0 })),
    });
    try {
      await expect(client.getPerson({ tenantId: tenants.basic, customerId: customers.basic }, personId)).resolves.toMatchObject({ firstname: 'Ada' });
    } finally {
      await client.close();
    }
  });

  it('answers only callers with the service token', async () => {
    const response = await internal('icims/authorize', { tenantId: tenants.basic, method: 'GET', url: `${sandboxUrl}/x`, bodySha256: sha256Hex('') }, 'wrong-token');

    expect(response).toEqual({ status: 401, body: { error: { code: 'SERVICE_TOKEN_REQUIRED', message: 'this internal API needs a valid service token' } } });
  });

  it('signs for the tenant\'s iCIMS host only', async () => {
    const response = await internal('icims/authorize', { tenantId: tenants.basic, method: 'GET', url: 'https://evil.example.com/steal', bodySha256: sha256Hex('') });

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FOREIGN_HOST');
  });

  it('verifies inbound Basic auth, and denies everything else the same way', async () => {
    const body = Buffer.from('{"eventType":"WorkFlowStatusChangeEvent"}');
    const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

    expect(await verify(customers.basic, basic('icims-basic', secrets.basicPassword), body)).toEqual({ status: 200, body: { tenantId: tenants.basic, profile: 'hrcloud', hiredStatusIds: ['C38353'], reusableForMs: 3_600_000 } });
    const denial = { status: 401, body: { error: { code: 'INBOUND_DENIED', message: 'authentication failed' } } };
    expect(await verify(customers.basic, basic('icims-basic', 'wrong'), body)).toEqual(denial);
    expect(await verify(customers.basic, {}, body)).toEqual(denial);
    expect(await verify('999999', basic('icims-basic', secrets.basicPassword), body)).toEqual(denial);
  });

  it('verifies inbound HMAC over the bytes as received (gzip), and denies a tampered body', async () => {
    const body = gzipSync('{"eventType":"WorkFlowStatusChangeEvent","customerId":"1"}');
    const headers = signRequest({ method: 'POST', pathAndQuery: '/webhooks/icims', headers: { 'content-type': 'application/json', host: 'gateway' }, bodySha256: sha256Hex(body) }, 'icims-hmac', secrets.hmacKey);

    const verdict = await verify(customers.hmac, headers, body);
    expect(verdict.status).toBe(200);
    // A signature covers this one body: nothing may reuse the verdict.
    expect(verdict.body).not.toHaveProperty('reusableForMs');
    expect((await verify(customers.hmac, headers, Buffer.concat([body, Buffer.from('x')]))).status).toBe(401);
  });

  it('issues inbound OAuth tokens to the right client and accepts them as Bearer', async () => {
    const issued = await internal('inbound/token', { clientId: `client-${tenants.oauth}`, clientSecret: secrets.oauthSecret });
    const refused = await internal('inbound/token', { clientId: `client-${tenants.oauth}`, clientSecret: 'nope' });

    expect(issued.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(refused.status).toBe(401);
    const verdict = await verify(customers.oauth, { authorization: `Bearer ${issued.body.access_token}` }, Buffer.from('{}'));
    expect(verdict.body).toMatchObject({ tenantId: tenants.oauth, reusableForMs: expect.any(Number) });
    expect(verdict.body.reusableForMs).toBeGreaterThan(3_500_000);
    expect(verdict.body.reusableForMs).toBeLessThanOrEqual(3_600_000);
    expect((await verify(customers.basic, { authorization: `Bearer ${issued.body.access_token}` }, Buffer.from('{}'))).status).toBe(401);
  });

  it('rewraps every secret to the new key; secrets on a key nobody holds give a clear error', async () => {
    const env = { ...stackEnv(), MONGO_URL: mongoUrlFor(database), VAULT_SERVICE_TOKEN: SERVICE_TOKEN, HR_API_URL: 'http://127.0.0.1:9' };
    const rewrap = ServiceProcess.start('apps/credentials-vault/dist/cli/rewrap.cli.js', { ...env, VAULT_KEKS: `${K1},${K2}`, VAULT_ACTIVE_KEK_ID: 'k2' });
    expect(await rewrap.exited).toEqual({ code: 0, signal: null });
    expect(rewrap.output.stdout).toContain('rewrapped 4 secret(s) to key "k2"; 0 already used it');

    const document = await mongo.db(database).collection('connections').findOne({ _id: tenants.basic as never });
    expect(document?.outbound.secret.kid).toBe('k2');
    const onlyK2 = KeyRing.parse(K2, undefined);
    if (!onlyK2.ok) throw new Error(onlyK2.problems.join());
    expect(new EnvelopeCipher(onlyK2.ring).open(document?.outbound.secret, `${tenants.basic}:outbound.secret`)).toBe(secrets.clientSecret);

    const k3 = `k3:${randomBytes(32).toString('base64')}`;
    const lost = ServiceProcess.start('apps/credentials-vault/dist/cli/rewrap.cli.js', { ...env, VAULT_KEKS: k3 });
    expect(await lost.exited).toEqual({ code: 1, signal: null });
    expect(lost.output.stderr).toMatch(/^vault rewrap: tenant [a-z0-9-]+, (outbound|inbound) secret: no key-encryption key with id "k2" is loaded/);
  });
});
