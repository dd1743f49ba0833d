import { request } from 'undici';
import {
  IcimsAuthError,
  IcimsAuthorizer,
  IcimsClient,
  IcimsCredentials,
  IcimsRateLimited,
  IcimsUnavailable,
  IcimsValidationError,
  LocalIcimsAuthorizer,
  RequestBudget,
  icimsDate,
  sha256Hex,
  signRequest,
} from '@icims-sync/icims-client';
import { ServiceProcess, freePort, uniqueName } from '@icims-sync/testing';

const SANDBOX = 'apps/icims-sandbox/dist/main.js';

describe('IcimsClient against the iCIMS sandbox (real HTTP)', () => {
  let sandbox: ServiceProcess;
  let baseUrl: string;
  let customerSeq = 7000;
  const clients: IcimsClient[] = [];

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    sandbox = ServiceProcess.start(SANDBOX, { PORT: String(port), LOG_LEVEL: 'warn' });
    await sandbox.waitUntilReady(baseUrl);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await sandbox.ensureStopped();
  });

  async function admin(method: 'PUT' | 'POST' | 'GET', path: string, body?: unknown) {
    const response = await request(`${baseUrl}/sandbox/customers/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw new Error(`sandbox admin ${path}: ${response.statusCode} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** A fresh customer with every credential type, and a client for it. */
  async function setUp(options: { dailyBudget?: number; clientBudget?: number; reserve?: number; credentials?: 'oauth2' | 'basic' | 'hmac'; wrongSecret?: boolean } = {}) {
    const customerId = String(customerSeq++);
    const secrets = { clientId: uniqueName('client'), clientSecret: uniqueName('secret'), username: uniqueName('user'), password: uniqueName('pw'), hmacKey: uniqueName('key') };
    await admin('PUT', customerId, { ...secrets, dailyBudget: options.dailyBudget ?? 10_000 });
    const bad = options.wrongSecret ? 'not-the-secret' : undefined;
    const credentials: IcimsCredentials =
      options.credentials === 'basic'
        ? { method: 'basic', username: secrets.username, password: bad ?? secrets.password }
        : options.credentials === 'hmac'
          ? { method: 'hmac', username: secrets.username, hmacKey: bad ?? secrets.hmacKey }
          : { method: 'oauth2', clientId: secrets.clientId, clientSecret: bad ?? secrets.clientSecret, tokenUrl: `${baseUrl}/oauth/token` };
    const client = new IcimsClient({
      baseUrl,
      authorizer: new LocalIcimsAuthorizer(() => credentials),
      budget: new RequestBudget(() => ({ dailyLimit: options.clientBudget ?? 10_000, reserveForManual: options.reserve ?? 0 })),
      retries: 3,
      retryInitialDelayMs: 20,
    });
    clients.push(client);
    return { client, tenant: { tenantId: `t-${customerId}`, customerId }, customerId, secrets };
  }

  it('pages a search over 2,500 people and returns each id exactly once, in order', async () => {
    const { client, tenant, customerId } = await setUp({ credentials: 'basic' });
    const seeded = await admin('POST', `${customerId}/seed`, { count: 2_500 });

    const ids: string[] = [];
    for await (const id of client.searchPeople(tenant)) ids.push(id);

    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    expect(ids[0]).toBe(seeded.firstId);
    expect(ids.at(-1)).toBe(seeded.lastId);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
    expect((await admin('GET', `${customerId}/usage`)).used).toBe(3);
  });

  it('waits out a storm of 429s, honouring Retry-After', async () => {
    const { client, tenant, customerId } = await setUp();
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace' });
    await admin('PUT', `${customerId}/faults`, { burst429: 3, retryAfterSeconds: 1 });

    const startedAt = Date.now();
    const person = await client.getPerson(tenant, id);

    expect(person).toMatchObject({ firstname: 'Ada', lastname: 'Lovelace' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(3_000);
    expect((await admin('GET', `${customerId}/usage`)).used).toBe(4);
  });

  it('never exceeds the daily budget: it refuses before iCIMS has to', async () => {
    const { client, tenant, customerId } = await setUp({ dailyBudget: 10, clientBudget: 10, reserve: 3 });
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace' });
    const outcomes: string[] = [];
    for (let call = 0; call < 12; call += 1) {
      const priority = call < 9 ? 'automatic' : 'manual';
      outcomes.push(await client.getPerson(tenant, id, undefined, { priority }).then(() => `${priority}:ok`, (error) => `${priority}:${error.constructor.name}`));
    }

    // 7 automatic calls fit (3 are kept for manual runs); the manual ones use the reserve.
    expect(outcomes).toEqual([...Array(7).fill('automatic:ok'), 'automatic:IcimsRateLimited', 'automatic:IcimsRateLimited', 'manual:ok', 'manual:ok', 'manual:ok']);
    // OAuth's token request goes to the login host, not the API budget.
    expect((await admin('GET', `${customerId}/usage`)).used).toBe(10);
  });

  it('retries 5xx and succeeds when iCIMS recovers', async () => {
    const { client, tenant, customerId } = await setUp({ credentials: 'hmac' });
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace' });
    await admin('PUT', `${customerId}/faults`, { burst500: 2 });

    await expect(client.getPerson(tenant, id)).resolves.toMatchObject({ firstname: 'Ada' });
    expect((await admin('GET', `${customerId}/usage`)).used).toBe(3);
  });

  it('surfaces lasting 5xx as IcimsUnavailable after its retries', async () => {
    const { client, tenant, customerId } = await setUp();
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace' });
    await admin('PUT', `${customerId}/faults`, { burst500: 10 });

    await expect(client.getPerson(tenant, id)).rejects.toBeInstanceOf(IcimsUnavailable);
    // The first attempt and its 3 retries.
    expect((await admin('GET', `${customerId}/usage`)).used).toBe(4);
  });

  it('opens its circuit after repeated failures and stops calling iCIMS while it is open', async () => {
    const { client, tenant, customerId } = await setUp();
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace' });
    await admin('PUT', `${customerId}/faults`, { burst500: 100 });

    await expect(client.getPerson(tenant, id)).rejects.toBeInstanceOf(IcimsUnavailable);
    await expect(client.getPerson(tenant, id)).rejects.toThrow('circuit open after repeated failures');
    const usedWhenOpen = (await admin('GET', `${customerId}/usage`)).used;
    await expect(client.getPerson(tenant, id)).rejects.toThrow('circuit open after repeated failures');

    // 4 attempts for the first call, then the 5th consecutive failure opens the breaker.
    expect(usedWhenOpen).toBe(5);
    expect((await admin('GET', `${customerId}/usage`)).used).toBe(usedWhenOpen);
  });

  it('keeps one tenant\'s open circuit to that tenant: another customer on the same host is still served', async () => {
    const failing = await setUp({ credentials: 'basic' });
    const healthy = await setUp({ credentials: 'basic' });
    const { id } = await admin('POST', `${healthy.customerId}/people`, { firstname: 'Grace', lastname: 'Hopper' });
    await admin('PUT', `${failing.customerId}/faults`, { burst500: 100 });
    const credentialsOf = (tenantId: string) => [failing, healthy].map(({ tenant, secrets }) => (tenant.tenantId === tenantId ? { method: 'basic' as const, username: secrets.username, password: secrets.password } : undefined)).find(Boolean);
    const shared = new IcimsClient({ baseUrl, authorizer: new LocalIcimsAuthorizer(credentialsOf), budget: new RequestBudget(() => ({ dailyLimit: 1_000, reserveForManual: 0 })), retries: 3, retryInitialDelayMs: 20 });
    clients.push(shared);

    await expect(shared.getPerson(failing.tenant, '1')).rejects.toBeInstanceOf(IcimsUnavailable);
    await expect(shared.getPerson(failing.tenant, '1')).rejects.toThrow('circuit open after repeated failures');

    await expect(shared.getPerson(healthy.tenant, id)).resolves.toMatchObject({ firstname: 'Grace' });
  });

  it.each(['oauth2', 'basic', 'hmac'] as const)('gives IcimsAuthError for bad %s credentials', async (credentials) => {
    const { client, tenant } = await setUp({ credentials, wrongSecret: true });

    await expect(client.getPerson(tenant, '1000')).rejects.toBeInstanceOf(IcimsAuthError);
  });

  it('asks once for fresh headers when iCIMS refuses ones kept from before a credential change', async () => {
    const { tenant, customerId, secrets } = await setUp();
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace' });
    const fresh = new LocalIcimsAuthorizer(() => ({ method: 'oauth2', clientId: secrets.clientId, clientSecret: secrets.clientSecret, tokenUrl: `${baseUrl}/oauth/token` }));
    const invalidated: string[] = [];
    // The token of the client id the tenant used before, still held where it was reused.
    const authorizer: IcimsAuthorizer = {
      authorize: async (outbound) => (invalidated.length === 0 ? { authorization: 'Bearer token-of-the-old-client' } : fresh.authorize(outbound)),
      invalidate: (tenantId) => invalidated.push(tenantId),
    };
    const client = new IcimsClient({ baseUrl, authorizer, budget: new RequestBudget(() => ({ dailyLimit: 100, reserveForManual: 0 })), retries: 0 });
    clients.push(client);

    await expect(client.getPerson(tenant, id)).resolves.toMatchObject({ firstname: 'Ada' });
    expect(invalidated).toEqual([tenant.tenantId]);
  });

  it('caches the OAuth token across calls', async () => {
    const { client, tenant, customerId } = await setUp();
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace' });
    const before = (await admin('GET', `${customerId}/usage`)).tokensIssued;

    for (let call = 0; call < 5; call += 1) await client.getPerson(tenant, id);

    expect((await admin('GET', `${customerId}/usage`)).tokensIssued - before).toBe(1);
  });

  describe('HMAC requests made by hand', () => {
    async function signedGet(customerId: string, username: string, hmacKey: string, tamper: { body?: string; now?: Date } = {}) {
      const url = new URL(`${baseUrl}/customers/${customerId}/search/people`);
      const body = JSON.stringify({ filters: [] });
      const signed = signRequest({ method: 'POST', pathAndQuery: url.pathname, headers: { 'content-type': 'application/json', host: url.host }, bodySha256: sha256Hex(body) }, username, hmacKey, tamper.now);
      const response = await request(url, { method: 'POST', headers: signed, body: tamper.body ?? body });
      return { status: response.statusCode, body: await response.body.json() };
    }

    it('accepts a correctly signed request', async () => {
      const { customerId, secrets } = await setUp();
      expect((await signedGet(customerId, secrets.username, secrets.hmacKey)).status).toBe(200);
    });

    it('answers 401 to a tampered body', async () => {
      const { customerId, secrets } = await setUp();
      const response = await signedGet(customerId, secrets.username, secrets.hmacKey, { body: JSON.stringify({ filters: [], x: 1 }) });
      expect(response).toEqual({ status: 401, body: { errors: [{ errorMessage: 'Invalid Username or Password credentials provided.', errorCode: 6 }] } });
    });

    it('answers 401 to a stale date', async () => {
      const { customerId, secrets } = await setUp();
      const stale = new Date(Date.now() - 6 * 60_000);
      expect(icimsDate(stale)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
      expect((await signedGet(customerId, secrets.username, secrets.hmacKey, { now: stale })).status).toBe(401);
    });
  });

  it('clears a field with null in a PATCH, and refuses to empty a required one', async () => {
    const { client, tenant, customerId } = await setUp();
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com', adpassociateid: 'A1' });

    await client.patchPerson(tenant, id, { email: null, adpassociateid: 'A2' });

    const person = await client.getPerson(tenant, id);
    expect(person).not.toHaveProperty('email');
    expect(person).toMatchObject({ adpassociateid: 'A2' });
    const refused = client.patchPerson(tenant, id, { lastname: null });
    await expect(refused).rejects.toBeInstanceOf(IcimsValidationError);
    await expect(refused).rejects.toThrow('Required field missing: lastname');
    await expect(refused).rejects.toMatchObject({ fields: ['lastname'], icimsCode: 'FIELD_REQUIRED' });
  });

  it('names the field and the error from X-Error, and answers the warnings of a PATCH iCIMS took', async () => {
    const { client, tenant, customerId } = await setUp();
    const { id } = await admin('POST', `${customerId}/people`, { firstname: 'Ada', lastname: 'Lovelace', hiredate: '2026-01-05' });

    await expect(client.patchPerson(tenant, id, { adpassociateid: 'A'.repeat(31) })).rejects.toMatchObject({ fields: ['adpassociateid'], icimsCode: 'INVALID_VALUE' });
    expect(await client.patchPerson(tenant, id, { enddate: '2025-12-31' })).toEqual([{ errorMessage: 'End Date is before Hire Date', errorCode: 4 }]);
    expect(await client.patchPerson(tenant, id, { enddate: '2026-12-31' })).toEqual([]);
  });

  it('surfaces a Retry-After longer than it waits as IcimsRateLimited', async () => {
    const { client, tenant, customerId } = await setUp();
    await admin('PUT', `${customerId}/faults`, { burst429: 1, retryAfterSeconds: 3_600 });

    await expect(client.getPerson(tenant, '1000')).rejects.toBeInstanceOf(IcimsRateLimited);
  });
});
