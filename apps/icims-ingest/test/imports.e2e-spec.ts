import { MongoClient } from 'mongodb';
import { SseEvent, SyncStack, callJson, expectEventually, readSse, signInHrUser, stackEnv, uniqueName } from '@icims-sync/testing';

type Counters = Record<'added' | 'updated' | 'deleted' | 'skipped' | 'errored' | 'total', number>;
const randomCustomerId = () => String(100_000 + Math.floor(Math.random() * 800_000));

/**
 * Manual imports end to end: gateway → import.requested → icims-ingest (iCIMS sandbox →
 * HR sandbox) → sync.progress → SSE, with the audit in the real store.
 */
jest.setTimeout(300_000);

describe('imports', () => {
  let stack: SyncStack;
  let mongo: MongoClient;

  beforeAll(async () => {
    stack = await SyncStack.start();
    mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
  });
  afterAll(async () => {
    await mongo?.close();
    await stack?.stop();
  });

  const sandbox = (customerId: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => callJson(method as 'POST', `${stack.urls.sandbox}/sandbox/customers/${customerId}${path}`, body);
  const admin = (token: string, method: 'GET' | 'POST', path: string, body?: unknown) => callJson(method, `${stack.urls.gateway}${path}`, body, { authorization: `Bearer ${token}` });

  async function linkedEmployees(tenantId: string): Promise<Record<string, string>[]> {
    const all: Record<string, string>[] = [];
    let afterId: string | undefined;
    do {
      const page = (await callJson('GET', `${stack.urls.hr}/tenants/${tenantId}/employees?linked=true&pageSize=500${afterId ? `&afterId=${afterId}` : ''}`)).body;
      all.push(...page.items);
      afterId = page.nextAfterId;
    } while (afterId);
    return all;
  }

  async function finished(token: string, tenantId: string, runId: string): Promise<{ status: string; counters: Counters; mode: string; error?: unknown }> {
    return expectEventually(async () => {
      const run = (await admin(token, 'GET', `/admin/tenants/${tenantId}/imports/${runId}`)).body;
      expect(['succeeded', 'failed']).toContain(run.status);
      return run;
    }, { timeoutMs: 180_000 });
  }

  describe('a 2,000-person import of a Namely tenant: new, changed, unchanged, deleted, invalid and inactive', () => {
    const tenantId = uniqueName('namely');
    const customerId = randomCustomerId();
    const base = `/admin/tenants/${tenantId}`;
    const expected: Counters = { added: 441, updated: 150, deleted: 50, skipped: 1400, errored: 9, total: 2050 };
    let adminToken: string;
    let firstRunId: string;
    let runId: string;
    let thirdRunId: string;
    let baseline: Awaited<ReturnType<typeof finished>>;
    let pressedAgain: Awaited<ReturnType<typeof admin>>;
    let events: SseEvent[];
    let incremental: Awaited<ReturnType<typeof finished>>;
    let deleted: string[];
    let changed: string[];
    let ended: string[];
    let employees: Record<string, string>[];
    const records = () => mongo.db(stack.auditDatabase).collection('sync_records');

    beforeAll(async () => {
      ({ adminToken } = await stack.connectTenant(tenantId, customerId, { profile: 'namely' }));
      // Baseline: 1,600 valid people imported in full.
      const seeded = (await sandbox(customerId, 'POST', '/seed', { count: 1600, seed: 11, invalidEvery: 0 })).body;
      const first = await admin(adminToken, 'POST', `${base}/imports`, { mode: 'full' });
      firstRunId = first.body.runId;
      baseline = await finished(adminToken, tenantId, firstRunId);

      // Then in iCIMS: 50 people deleted, 150 changed, 30 whose employment ended, and 450 new of which 9 are invalid.
      const ids = Array.from({ length: 1600 }, (_, i) => String(Number(seeded.firstId) + i));
      deleted = ids.slice(100, 150);
      changed = ids.slice(200, 350);
      ended = ids.slice(400, 430);
      for (const id of deleted) await sandbox(customerId, 'DELETE', `/people/${id}`);
      for (const id of changed) await sandbox(customerId, 'PATCH', `/people/${id}`, { firstname: `Renamed${id}` });
      for (const id of ended) await sandbox(customerId, 'PATCH', `/people/${id}`, { enddate: '2020-06-30' });
      await sandbox(customerId, 'POST', '/seed', { count: 450, seed: 12, invalidEvery: 50 });

      const second = await admin(adminToken, 'POST', `${base}/imports`, { mode: 'full' });
      runId = second.body.runId;
      pressedAgain = await admin(adminToken, 'POST', `${base}/imports`, {});
      events = (await readSse(`${stack.urls.gateway}${base}/imports/${runId}/events`, { authorization: `Bearer ${adminToken}` })).filter((event: SseEvent) => event.event === 'progress');
      await finished(adminToken, tenantId, runId);
      employees = await linkedEmployees(tenantId);

      // Incremental by default: only people changed since the last successful run (less the look-back) come again.
      thirdRunId = (await admin(adminToken, 'POST', `${base}/imports`, {})).body.runId;
      incremental = await finished(adminToken, tenantId, thirdRunId);
    });

    it('imports the 1,600-person baseline in full', () => {
      expect(baseline).toMatchObject({ status: 'succeeded', counters: { added: 1600, updated: 0, deleted: 0, skipped: 0, errored: 0, total: 1600 } });
    });

    it('runs one import at a time: a second press names the running one', () => {
      expect(pressedAgain.status).toBe(409);
      expect(pressedAgain.body.error).toMatchObject({ code: 'IMPORT_RUNNING', details: { runId } });
    });

    it('streams rising counters over SSE, the last event the final counters', () => {
      const totals = events.map((event) => (event.data as { counters: Counters }).counters.total);
      expect(totals).toEqual([...totals].sort((a, b) => a - b));
      expect(new Set(totals).size).toBeGreaterThan(5);
      expect(events.at(-1)!.data).toEqual({ runId, status: 'succeeded', counters: expected });
    });

    it('counts every outcome exactly', async () => {
      expect(await finished(adminToken, tenantId, runId)).toMatchObject({ status: 'succeeded', mode: 'full', counters: expected });
    });

    it('records why: 1,370 unchanged, 30 ended, 9 invalid naming the field, no null field, errored records paged', async () => {
      expect(await records().countDocuments({ runId, outcome: 'skipped', reason: 'UNCHANGED' })).toBe(1370);
      expect((await records().find({ runId, reason: 'EMPLOYMENT_ENDED' }).toArray()).map((record) => record.icimsId).sort()).toEqual([...ended].sort());
      expect(await records().countDocuments({ runId, outcome: 'errored', reason: 'INVALID_PERSON', details: { $size: 1 } })).toBe(9);
      // Records are inserted lean: a field without a value is left out, never stored as null.
      expect(await records().countDocuments({ runId, $or: [{ employeeId: { $type: 'null' } }, { reason: { $type: 'null' } }] })).toBe(0);
      expect(await records().countDocuments({ runId, reason: { $exists: false } })).toBeGreaterThan(0);
      const errored = (await admin(adminToken, 'GET', `${base}/runs/${runId}/records?outcome=errored&limit=5`)).body;
      expect(errored.items).toHaveLength(5);
      expect(errored.nextCursor).toEqual(expect.any(String));
    });

    it('deactivates the deleted in HR with a departure date, updates the changed, and duplicates nobody', () => {
      expect(employees).toHaveLength(1600 + 441);
      expect(new Set(employees.map((employee) => employee.icimsId)).size).toBe(employees.length);
      const departed = employees.filter((employee) => deleted.includes(employee.icimsId));
      expect(departed).toHaveLength(50);
      for (const employee of departed) expect(employee).toMatchObject({ userStatus: 'inactive', separationDate: new Date().toISOString().slice(0, 10) });
      expect(employees.find((employee) => employee.icimsId === changed[0])).toMatchObject({ firstName: `Renamed${changed[0]}` });
    });

    it('imports incrementally by default: only the people changed since the last run come again', () => {
      expect(incremental).toMatchObject({ status: 'succeeded', mode: 'incremental', counters: { added: 0, updated: 0, deleted: 0, errored: 0, skipped: 180, total: 180 } });
    });

    it('lists the history with filters and pages, and names what is wrong in a bad query', async () => {
      const manual = (await admin(adminToken, 'GET', `${base}/runs?trigger=manual&status=succeeded&direction=import`)).body;
      expect(manual.items.map((run: { runId: string }) => run.runId)).toEqual([thirdRunId, runId, firstRunId]);
      const firstPage = (await admin(adminToken, 'GET', `${base}/runs?limit=2`)).body;
      const secondPage = (await admin(adminToken, 'GET', `${base}/runs?limit=2&cursor=${firstPage.nextCursor}`)).body;
      expect([...firstPage.items, ...secondPage.items].map((run: { runId: string }) => run.runId)).toEqual([thirdRunId, runId, firstRunId]);
      expect((await admin(adminToken, 'GET', `${base}/runs?direction=export`)).body.items).toEqual([]);
      const since = new Date(Date.now() + 60_000).toISOString();
      expect((await admin(adminToken, 'GET', `${base}/runs?from=${since}`)).body.items).toEqual([]);
      const bad = await admin(adminToken, 'GET', `${base}/runs?status=sideways&limit=0`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/status must be one of/);
      expect(bad.body.error.message).toMatch(/limit must be an integer from 1 to 200/);
    });

    it('keeps no PII in the audit or the sync state: none of the SSNs, birth dates or emails HR holds, as a whole token', async () => {
      const database = mongo.db(stack.auditDatabase);
      const stored = JSON.stringify(await database.collection('sync_runs').find({ tenantId }).toArray()) + JSON.stringify(await records().find({ tenantId }).toArray()) + JSON.stringify(await database.collection('sync_state').find({ tenantId }).toArray());
      const tokens = new Set(stored.split(/[^\w@.+-]+/));
      const pii = employees.flatMap((employee) => [employee.ssn, employee.dateOfBirth, employee.accountEmail]).filter(Boolean);
      expect(pii.length).toBeGreaterThan(6000);
      expect(pii.filter((value) => tokens.has(value))).toEqual([]);
      expect(tokens.has(employees[0].icimsId)).toBe(true);
    });
  });

  it('refuses a bad mode, an unknown run, and a tenant the operator has not enabled', async () => {
    const tenantId = uniqueName('acme');
    const { adminToken } = await stack.connectTenant(tenantId, randomCustomerId());
    const badMode = await admin(adminToken, 'POST', `/admin/tenants/${tenantId}/imports`, { mode: 'sideways' });
    expect(badMode.status).toBe(400);
    expect(badMode.body.error.message).toMatch(/mode must be one of full, incremental/);
    const unknown = await admin(adminToken, 'GET', `/admin/tenants/${tenantId}/imports/00000000-0000-4000-8000-000000000000`);
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'RUN_NOT_FOUND' } } });
    const other = uniqueName('other');
    const otherToken = await signInHrUser(stack.urls.hr, other, 'admin', { displayName: 'Otto Other', roles: ['HR_ADMIN'] });
    expect(await admin(otherToken, 'POST', `/admin/tenants/${other}/imports`, {})).toMatchObject({ status: 404, body: { error: { code: 'INTEGRATION_NOT_ENABLED' } } });
    expect((await admin(otherToken, 'GET', `/admin/tenants/${tenantId}/runs`)).status).toBe(403);

    const paths = Object.keys((await callJson('GET', `${stack.urls.gateway}/openapi.json`)).body.paths);
    for (const path of ['imports', 'imports/{runId}', 'imports/{runId}/events', 'runs', 'runs/{runId}', 'runs/{runId}/records']) expect(paths).toContain(`/admin/tenants/{tenantId}/${path}`);
  });

  it('resumes an import after icims-ingest is SIGKILLed mid-run: same totals, no duplicates', async () => {
    const tenantId = uniqueName('crash');
    const customerId = randomCustomerId();
    const { adminToken } = await stack.connectTenant(tenantId, customerId);
    await sandbox(customerId, 'POST', '/seed', { count: 3000, seed: 21, invalidEvery: 100 });
    // Slow enough to be caught mid-way.
    await sandbox(customerId, 'PUT', '/faults', { latencyMs: 3 });
    const started = await admin(adminToken, 'POST', `/admin/tenants/${tenantId}/imports`, { mode: 'full' });
    const runId = started.body.runId as string;
    await expectEventually(async () => {
      const run = (await admin(adminToken, 'GET', `/admin/tenants/${tenantId}/imports/${runId}`)).body;
      expect(run.counters.total).toBeGreaterThanOrEqual(600);
    }, { timeoutMs: 120_000, intervalMs: 50 });
    stack.ingest.kill('SIGKILL');
    await stack.ingest.exited;
    const atKill = (await admin(adminToken, 'GET', `/admin/tenants/${tenantId}/imports/${runId}`)).body;
    expect(atKill.status).toBe('running');
    expect(atKill.counters.total).toBeLessThan(3000);

    await sandbox(customerId, 'PUT', '/faults', { latencyMs: 0 });
    await stack.startIngest();
    const run = await finished(adminToken, tenantId, runId);
    expect(run).toMatchObject({ status: 'succeeded', counters: { added: 2970, updated: 0, deleted: 0, skipped: 0, errored: 30, total: 3000 } });
    const records = mongo.db(stack.auditDatabase).collection('sync_records');
    expect(await records.countDocuments({ runId })).toBe(3000);
    expect(await records.countDocuments({ runId, applied: false })).toBe(0);
    const employees = await linkedEmployees(tenantId);
    expect(employees).toHaveLength(2970);
    expect(new Set(employees.map((employee) => employee.icimsId)).size).toBe(2970);
  });

  it('runs an import handed to two icims-ingest processes at once as one run: exact counters, each person written once', async () => {
    const tenantId = uniqueName('twice');
    const customerId = randomCustomerId();
    const { adminToken } = await stack.connectTenant(tenantId, customerId);
    await sandbox(customerId, 'POST', '/seed', { count: 1500, seed: 41, invalidEvery: 100 });
    await sandbox(customerId, 'PUT', '/faults', { latencyMs: 2 });
    const twin = await stack.startIngestInOwnGroup();
    try {
      const runId = (await admin(adminToken, 'POST', `/admin/tenants/${tenantId}/imports`, { mode: 'full' })).body.runId as string;
      const run = await finished(adminToken, tenantId, runId);

      expect(run).toMatchObject({ status: 'succeeded', counters: { added: 1485, errored: 15, total: 1500 } });
      const records = mongo.db(stack.auditDatabase).collection('sync_records');
      expect(await records.countDocuments({ runId })).toBe(1500);
      const employees = await linkedEmployees(tenantId);
      expect(new Set(employees.map((employee) => employee.icimsId)).size).toBe(employees.length);
      expect(employees).toHaveLength(1485);
      // Both were handed it, and one gave way: it found the run claimed, or was fenced off by the other.
      const logs = [twin, stack.ingest].map((child) => child.output.stdout + child.output.stderr).join('');
      expect(logs).toMatch(/another worker claimed it first|another worker took this run over/);
    } finally {
      await twin.ensureStopped();
      await sandbox(customerId, 'PUT', '/faults', { latencyMs: 0 });
    }
  });

  it('holds an import after a customer-id switch before it deactivates anyone, and goes on only when an HR admin confirms', async () => {
    const tenantId = uniqueName('switch');
    const [oldCustomer, newCustomer] = [randomCustomerId(), randomCustomerId()];
    const { adminToken } = await stack.connectTenant(tenantId, oldCustomer);
    const base = `/admin/tenants/${tenantId}`;
    await sandbox(oldCustomer, 'POST', '/seed', { count: 40, seed: 31, invalidEvery: 0 });
    const baselineRunId = (await admin(adminToken, 'POST', `${base}/imports`, { mode: 'full' })).body.runId as string;
    const baseline = await finished(adminToken, tenantId, baselineRunId);
    expect(baseline.counters).toMatchObject({ added: 40, total: 40 });
    const newSecret = `secret-${uniqueName('s')}`;
    await callJson('PUT', `${stack.urls.sandbox}/sandbox/customers/${newCustomer}`, { clientId: `${tenantId}-new-client`, clientSecret: newSecret });
    await sandbox(newCustomer, 'POST', '/seed', { count: 5, seed: 32, invalidEvery: 0 });
    const credentials = { method: 'oauth2', customerId: newCustomer, clientId: `${tenantId}-new-client`, clientSecret: newSecret };

    const unconfirmed = await callJson('PUT', `${stack.urls.gateway}${base}/icims/credentials`, credentials, { authorization: `Bearer ${adminToken}` });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error).toMatchObject({ code: 'CUSTOMER_ID_CHANGE_UNCONFIRMED', details: { linkedCustomerId: oldCustomer } });
    expect((await callJson('PUT', `${stack.urls.gateway}${base}/icims/credentials`, { ...credentials, confirmCustomerIdChange: true }, { authorization: `Bearer ${adminToken}` })).status).toBe(200);
    expect((await callJson('POST', `${stack.urls.gateway}${base}/icims/connect`, undefined, { authorization: `Bearer ${adminToken}` })).body.status).toBe('connected');

    const switched = (await admin(adminToken, 'POST', `${base}/imports`, { mode: 'full' })).body.runId as string;
    const held = await expectEventually(async () => {
      const run = (await admin(adminToken, 'GET', `${base}/imports/${switched}`)).body;
      expect({ status: run.status, error: run.error }).toEqual({ status: 'needs_confirmation', error: undefined });
      return run;
    }, { timeoutMs: 60_000 });

    // The new customer numbers its people from the same first id: 5 of them match linked employees, 35 are missing.
    expect(held.hold).toMatchObject({ code: 'MASS_DEACTIVATION', planned: 35, population: 40, maxPercent: 5 });
    expect(held.counters).toMatchObject({ deleted: 0, total: 5 });
    expect((await linkedEmployees(tenantId)).filter((employee) => employee.userStatus === 'inactive')).toHaveLength(0);
    expect((await admin(adminToken, 'POST', `${base}/imports/${baselineRunId}/confirm`)).body.error).toMatchObject({ code: 'RUN_NOT_HELD' });

    const confirmed = await admin(adminToken, 'POST', `${base}/imports/${switched}/confirm`);
    expect(confirmed.status).toBe(202);
    expect(confirmed.body.confirmation).toMatchObject({ userId: expect.any(String) });
    const run = await finished(adminToken, tenantId, switched);
    expect(run).toMatchObject({ status: 'succeeded', counters: { deleted: 35, total: 40 } });
    expect((await linkedEmployees(tenantId)).filter((employee) => employee.userStatus === 'inactive')).toHaveLength(35);
  });
});
