import { decodeJwt } from 'jose';
import { request } from 'undici';
import { Topic, decode } from '@icims-sync/contracts';
import { ServiceProcess, drainTopic, ensureContractTopics, freePort, mongoUrlFor, stackEnv, testKafka, uniqueName } from '@icims-sync/testing';

const SIGNING_KEY = 'test-signing-key-that-is-long-enough-0123456789';

describe('hr-sandbox (real broker, real store)', () => {
  const kafka = testKafka();
  let sandbox: ServiceProcess;
  let baseUrl: string;

  beforeAll(async () => {
    await ensureContractTopics(kafka);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    sandbox = ServiceProcess.start('apps/hr-sandbox/dist/main.js', { ...stackEnv(), MONGO_URL: mongoUrlFor(uniqueName('hr')), PORT: String(port), JWT_SIGNING_KEY: SIGNING_KEY });
    await sandbox.waitUntilReady(baseUrl);
  });
  afterAll(async () => sandbox.ensureStopped());

  async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await request(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
  }

  const updatesOf = (tenantId: string, count: number) =>
    drainTopic(kafka, Topic.EmployeeUpdated, { count, filter: (message) => message.key?.toString().startsWith(`${tenantId}:`) ?? false }).then((messages) =>
      messages.map((message) => {
        const decoded = decode(Topic.EmployeeUpdated, message.value);
        if (!decoded.ok) throw new Error(decoded.error.message);
        return { envelope: decoded.envelope, raw: message.value!.toString() };
      }),
    );

  it('publishes employee.updated on every save: changed names, synced values, origin, and no PII', async () => {
    const tenant = uniqueName('t');
    const created = await call('POST', `/tenants/${tenant}/employees`, { icimsId: '1930', firstName: 'Jane', lastName: 'Doe', ssn: '123456789', dateOfBirth: '1990-02-28', startDate: '2026-12-01' }, { 'x-write-origin': 'icims-sync' });
    expect(created.status).toBe(201);
    const updated = await call('PATCH', `/tenants/${tenant}/employees/${created.body.id}`, { employeeNumber: 'E-7', city: 'Austin', startDate: null });
    expect(updated.status).toBe(200);

    const [first, second] = await updatesOf(tenant, 2);

    expect(first.envelope.payload).toMatchObject({ employeeId: created.body.id, icimsId: '1930', origin: 'icims-sync' });
    expect(first.envelope.payload.changedFields.sort()).toEqual(['dateOfBirth', 'firstName', 'icimsId', 'lastName', 'ssn', 'startDate']);
    expect(second.envelope.payload.origin).toBe('hr');
    expect(second.envelope.payload.changedFields.sort()).toEqual(['city', 'employeeNumber', 'startDate']);
    expect(second.envelope.payload.values).toEqual({ icimsId: '1930', firstName: 'Jane', lastName: 'Doe', employeeNumber: 'E-7', startDate: null, separationDate: null });
    for (const { raw } of [first, second]) {
      expect(raw).not.toContain('123456789');
      expect(raw).not.toContain('1990-02-28');
    }
  });

  it('stamps each save event with the save time, and leaves out who saved when told to (as many real HR systems do)', async () => {
    const tenant = uniqueName('t');
    const created = await call('POST', `/tenants/${tenant}/employees`, { icimsId: '77', firstName: 'Ann', lastName: 'Lee' }, { 'x-write-origin': 'icims-sync' });
    expect((await call('PUT', '/sandbox/save-events', { originMarker: false })).body).toEqual({ originMarker: false });
    try {
      await call('PATCH', `/tenants/${tenant}/employees/${created.body.id}`, { lastName: 'Li' }, { 'x-write-origin': 'icims-sync' });
    } finally {
      await call('PUT', '/sandbox/save-events', { originMarker: true });
    }
    const [first, second] = await updatesOf(tenant, 2);
    expect(first.envelope.payload).toMatchObject({ origin: 'icims-sync', savedAt: created.body.createdAt });
    expect(JSON.parse(second.raw).payload).not.toHaveProperty('origin');
    expect(Date.parse(second.envelope.payload.savedAt!)).toBeGreaterThanOrEqual(Date.parse(first.envelope.payload.savedAt!));
    expect((await call('PUT', '/sandbox/save-events', { originMarker: 'no' })).status).toBe(400);
  });

  it('finds employees by iCIMS ID and keeps one employee per iCIMS person', async () => {
    const tenant = uniqueName('t');
    await call('POST', `/tenants/${tenant}/employees`, { icimsId: '42', firstName: 'A', lastName: 'B' });
    await call('POST', `/tenants/${tenant}/employees`, { firstName: 'No', lastName: 'Link' });
    await call('POST', `/tenants/${tenant}/employees`, { firstName: 'No', lastName: 'Link2' });

    const found = await call('GET', `/tenants/${tenant}/employees?icimsId=42`);
    const duplicate = await call('POST', `/tenants/${tenant}/employees`, { icimsId: '42', firstName: 'C', lastName: 'D' });
    const otherTenant = await call('POST', `/tenants/${uniqueName('t')}/employees`, { icimsId: '42', firstName: 'C', lastName: 'D' });

    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ icimsId: '42', firstName: 'A' });
    expect(duplicate).toEqual({ status: 409, body: { error: { code: 'ICIMS_ID_TAKEN', message: 'another employee already has iCIMS ID 42' } } });
    expect(otherTenant.status).toBe(201);
  });

  it('names every bad field of a save and writes nothing', async () => {
    const tenant = uniqueName('t');
    const response = await call('POST', `/tenants/${tenant}/employees`, { firstName: '', startDate: '12/01/2026', ssn: '12-3', hacker: true });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/hacker should not exist/);
    expect(response.body.error.message).toMatch(/startDate must be a date as yyyy-mm-dd/);
    expect(response.body.error.message).toMatch(/ssn must be 9 digits/);
    expect(response.body.error.message).toMatch(/lastName/);
    expect((await call('GET', `/tenants/${tenant}/employees`)).body.items).toEqual([]);
  });

  it('issues JWTs to active users only, with their roles', async () => {
    const tenant = uniqueName('t');
    await call('PUT', `/tenants/${tenant}/users/alice`, { displayName: 'Alice Admin', roles: ['HR_ADMIN'], active: true });
    await call('PUT', `/tenants/${tenant}/users/bob`, { displayName: 'Bob Gone', roles: ['HR_ADMIN'], active: false });

    const alice = await call('POST', `/tenants/${tenant}/users/alice/tokens`);
    const bob = await call('POST', `/tenants/${tenant}/users/bob/tokens`);

    expect(decodeJwt(alice.body.accessToken)).toMatchObject({ sub: 'alice', tenantId: tenant, roles: ['HR_ADMIN'], name: 'Alice Admin', iss: 'hr-sandbox', aud: 'icims-sync' });
    expect(bob).toEqual({ status: 403, body: { error: { code: 'USER_INACTIVE', message: 'user bob is inactive and cannot sign in' } } });
  });

  it('refuses to start with a short JWT key, naming it', async () => {
    const refused = ServiceProcess.start('apps/hr-sandbox/dist/main.js', { ...stackEnv(), PORT: String(await freePort()), JWT_SIGNING_KEY: 'short' });

    expect(await refused.exited).toEqual({ code: 1, signal: null });
    expect(refused.output.stderr.trim()).toBe('hr-sandbox: config error: JWT_SIGNING_KEY: JWT_SIGNING_KEY must be at least 32 characters');
  });

  it('keeps profile field definitions (Namely needs icims_id as Text)', async () => {
    const tenant = uniqueName('t');
    await call('PUT', `/tenants/${tenant}/custom-fields/icims_id`, { type: 'text' });

    expect((await call('GET', `/tenants/${tenant}/custom-fields`)).body).toEqual([{ label: 'icims_id', type: 'text' }]);
  });

  it('keeps its employees across a clean restart: saves written behind memory reach the store before it stops', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { ...stackEnv(), MONGO_URL: mongoUrlFor(uniqueName('hr-restart')), PORT: String(port), JWT_SIGNING_KEY: SIGNING_KEY };
    const tenant = uniqueName('t');
    const first = ServiceProcess.start('apps/hr-sandbox/dist/main.js', env);
    await first.waitUntilReady(url);
    const created = await request(`${url}/tenants/${tenant}/employees`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ icimsId: '77', firstName: 'Ada', lastName: 'Lovelace' }) });
    const { id } = (await created.body.json()) as { id: string };
    await request(`${url}/tenants/${tenant}/employees/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ city: 'London' }) }).then((response) => response.body.dump());
    first.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    const second = ServiceProcess.start('apps/hr-sandbox/dist/main.js', env);
    await second.waitUntilReady(url);
    const kept = await request(`${url}/tenants/${tenant}/employees/${id}`);
    await second.ensureStopped();

    expect(await kept.body.json()).toMatchObject({ id, icimsId: '77', firstName: 'Ada', city: 'London' });
  });
});
