import { randomBytes } from 'node:crypto';
import { ServiceProcess, describeServiceLifecycle, freePort, mongoUrlFor, stackEnv, uniqueName } from '@icims-sync/testing';

const VAULT_ENV = { VAULT_KEKS: `k1:${randomBytes(32).toString('base64')}`, VAULT_SERVICE_TOKEN: randomBytes(24).toString('hex'), HR_API_URL: 'http://127.0.0.1:9' };

describeServiceLifecycle('credentials-vault', VAULT_ENV, ['mongo']);

describe('credentials-vault readiness', () => {
  let vault: ServiceProcess | undefined;
  afterEach(async () => vault?.ensureStopped());

  it('does not depend on Kafka, which the vault does not use: signing and the admin API stay up in a broker outage', async () => {
    const port = await freePort();
    vault = ServiceProcess.start('apps/credentials-vault/dist/main.js', { ...stackEnv(), ...VAULT_ENV, MONGO_URL: mongoUrlFor(uniqueName('vault-ready')), KAFKA_BROKERS: '127.0.0.1:1', PORT: String(port) });
    await vault.waitUntilReady(`http://127.0.0.1:${port}`);

    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);

    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { details: unknown }).details).toEqual({ mongo: { status: 'up' } });
  });
});

describe('credentials-vault key configuration', () => {
  it.each([
    [{}, 'credentials-vault: config error: VAULT_KEK_FILE: set it (or VAULT_KEKS in development) to the key-encryption keys'],
    [{ VAULT_KEKS: 'k1:c2hvcnQ=' }, 'credentials-vault: config error: VAULT_KEKS: key "k1": must be 32 bytes of base64 (openssl rand -base64 32), got 5'],
    [{ VAULT_KEK_FILE: '/nonexistent/keks' }, 'credentials-vault: config error: VAULT_KEK_FILE: cannot read /nonexistent/keks (ENOENT)'],
  ])('refuses to start with %p', async (keys, message) => {
    const vault = ServiceProcess.start('apps/credentials-vault/dist/main.js', { ...stackEnv(), VAULT_SERVICE_TOKEN: VAULT_ENV.VAULT_SERVICE_TOKEN, HR_API_URL: VAULT_ENV.HR_API_URL, PORT: String(await freePort()), ...keys });

    expect(await vault.exited).toEqual({ code: 1, signal: null });
    expect(vault.output.stderr.trim()).toBe(message);
  });
});
