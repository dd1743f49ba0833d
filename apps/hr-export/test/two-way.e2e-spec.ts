import { MongoClient } from 'mongodb';
import { SyncStack, callJson, expectEventually, signInHrUser, stackEnv, uniqueName } from '@icims-sync/testing';

type Counters = Record<'added' | 'updated' | 'deleted' | 'skipped' | 'errored' | 'total', number>;
interface PatchEntry {
  personId: string;
  changes: Record<string, unknown>;
  at: string;
}
const randomCustomerId = () => String(100_000 + Math.floor(Math.random() * 800_000));

/**
 * Both directions at once, as processes on the real broker and store: the HR sandbox
 * publishes employee.updated on every save, hr-export PATCHes the iCIMS sandbox, and
 * icims-ingest imports from it. Every PATCH is counted from the iCIMS sandbox's own log.
 */
jest.setTimeout(600_000);

describe('two-way sync', () => {
  let stack: SyncStack;
  let mongo: MongoClient;

  beforeAll(async () => {
    stack = await SyncStack.start({ exportEnv: { EXPORT_WINDOW_SECONDS: '1', EXPORT_MAX_PATCHES_PER_WINDOW: '2', KAFKA_RETRY_MAX_MS: '5000' } });
    mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
  });
  afterAll(async () => {
    await callJson('PUT', `${stack.urls.hr}/sandbox/save-events`, { originMarker: true }).catch(() => undefined);
    await mongo?.close();
    await stack?.stop();
  });

  const sandbox = (customerId: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => callJson(method as 'POST', `${stack.urls.sandbox}/sandbox/customers/${customerId}${path}`, body);
  const admin = (token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => callJson(method, `${stack.urls.gateway}${path}`, body, { authorization: `Bearer ${token}` });
  const hrSave = (tenantId: string, employeeId: string, changes: Record<string, unknown>) => callJson('PATCH', `${stack.urls.hr}/tenants/${tenantId}/employees/${employeeId}`, changes);
  const patchesOf = async (customerId: string, personId?: string): Promise<PatchEntry[]> => (await sandbox(customerId, 'GET', `/patches${personId ? `?personId=${personId}` : ''}`)).body.items;
  const icimsPerson = async (customerId: string, personId: string) => (await callJson('GET', `${stack.urls.sandbox}/sandbox/customers/${customerId}/people/${personId}`)).body;
  const exportRuns = () => mongo.db(stack.auditDatabase).collection('sync_runs');
  const records = () => mongo.db(stack.auditDatabase).collection('sync_records');

  async function employeeOf(tenantId: string, icimsId: string): Promise<Record<string, string>> {
    const [employee] = (await callJson('GET', `${stack.urls.hr}/tenants/${tenantId}/employees?icimsId=${icimsId}`)).body.items;
    return employee;
  }

  async function importAll(token: string, tenantId: string, body: Record<string, unknown> = { mode: 'full' }): Promise<{ runId: string; status: string; counters: Counters; dryRun?: boolean; icimsRequests?: number }> {
    const started = await admin(token, 'POST', `/admin/tenants/${tenantId}/imports`, body);
    expect(started.status).toBe(202);
    return expectEventually(async () => {
      const run = (await admin(token, 'GET', `/admin/tenants/${tenantId}/imports/${started.body.runId}`)).body;
      expect(run.status).toBe('succeeded');
      return run;
    }, { timeoutMs: 240_000, intervalMs: 250 });
  }

  /** A tenant with `count` people imported to HR; answers the admin token and the people's ids. */
  async function importedTenant(count: number, name: string): Promise<{ tenantId: string; customerId: string; token: string; ids: string[] }> {
    const tenantId = uniqueName(name);
    const customerId = randomCustomerId();
    const { adminToken: token } = await stack.connectTenant(tenantId, customerId);
    const seeded = (await sandbox(customerId, 'POST', '/seed', { count, seed: 7, invalidEvery: 0 })).body;
    await importAll(token, tenantId);
    return { tenantId, customerId, token, ids: Array.from({ length: count }, (_, i) => String(Number(seeded.firstId) + i)) };
  }

  /** Waits until hr-export has audited `count` saves of the tenant (every save is an export run, whatever its outcome). */
  async function exportsAudited(tenantId: string, count: number): Promise<void> {
    await expectEventually(async () => expect(await exportRuns().countDocuments({ tenantId, direction: 'export' })).toBeGreaterThanOrEqual(count), { timeoutMs: 120_000, intervalMs: 250 });
  }

  it('PATCHes an HR save to iCIMS with only the changed field, and audits it as an export run', async () => {
    const { tenantId, customerId, token, ids } = await importedTenant(5, 'save');
    const employee = await employeeOf(tenantId, ids[0]);
    const savedAt = Date.now();
    expect((await hrSave(tenantId, employee.id, { lastName: 'Savedinhr' })).status).toBe(200);

    const [patch] = await expectEventually(async () => {
      const patches = await patchesOf(customerId, ids[0]);
      expect(patches).toHaveLength(1);
      return patches;
    });
    expect(patch.changes).toEqual({ lastname: 'Savedinhr' });
    expect((await icimsPerson(customerId, ids[0])).lastname).toBe('Savedinhr');
    process.stdout.write(`save → iCIMS PATCH: ${Date.parse(patch.at) - savedAt} ms\n`);
    const record = await expectEventually(async () => {
      const found = await records().findOne({ tenantId, employeeId: employee.id, outcome: 'updated' });
      expect(found).not.toBeNull();
      return found!;
    });
    expect(record).toMatchObject({ icimsId: ids[0], changedFields: ['lastName'] });
    expect(JSON.stringify(record)).not.toContain('Savedinhr');
    const runs = (await admin(token, 'GET', `/admin/tenants/${tenantId}/runs?direction=export&trigger=auto-export`)).body.items;
    expect(runs).toEqual(expect.arrayContaining([expect.objectContaining({ runId: record.runId, direction: 'export', trigger: 'auto-export', status: 'succeeded', counters: expect.objectContaining({ updated: 1, total: 1 }) })]));
    // Only the one save was sent: the import's own writes before it were echoes.
    expect(await patchesOf(customerId)).toHaveLength(1);

    const status = (await admin(token, 'GET', `/admin/tenants/${tenantId}/sync-status`)).body;
    expect(status.automaticImport).toMatchObject({ enabled: true, timeZone: 'America/Los_Angeles', nextLocal: expect.stringMatching(/^\d{4}-\d{2}-\d{2} 00:00 P[SD]T$/) });
    expect(Date.parse(status.automaticImport.next)).toBeGreaterThan(Date.now());
    expect(Date.parse(status.lastSucceeded.export)).toBeGreaterThanOrEqual(Date.parse(status.lastSucceeded.import));
    // The import (a search and five people) and the export (a GET and a PATCH), taken in blocks of ten.
    expect(status.icimsBudget).toMatchObject({ day: new Date().toISOString().slice(0, 10), dailyLimit: 10_000, manualReserve: 1_000 });
    expect(status.icimsBudget.used).toBeGreaterThanOrEqual(9);
    expect(status.icimsBudget.leftForManual).toBe(10_000 - status.icimsBudget.used);
  });

  describe.each([
    ['with', true],
    ['without', false],
  ])('a full import of 2,000 people %s the origin marker on HR save events', (_case, originMarker) => {
    let tenant: Awaited<ReturnType<typeof importedTenant>>;

    beforeAll(async () => {
      await callJson('PUT', `${stack.urls.hr}/sandbox/save-events`, { originMarker });
      tenant = await importedTenant(2000, originMarker ? 'echo-marked' : 'echo-unmarked');
      await exportsAudited(tenant.tenantId, 2000);
    });

    it('produces zero PATCHes: every save event of the import is recognised as an echo', async () => {
      expect(await patchesOf(tenant.customerId)).toEqual([]);
      const reasons = await records().distinct('reason', { tenantId: tenant.tenantId, runId: { $in: await exportRuns().distinct('_id', { tenantId: tenant.tenantId, direction: 'export' }) } });
      expect(reasons).toEqual(['ECHO']);
    });

    it('produces zero PATCHes for iCIMS edits imported to HR', async () => {
      const edited = tenant.ids.slice(0, 10);
      for (const id of edited) await sandbox(tenant.customerId, 'PATCH', `/people/${id}`, { lastname: `Edited${id}` });
      const run = await importAll(tenant.token, tenant.tenantId);
      expect(run.counters).toMatchObject({ updated: 10 });
      await exportsAudited(tenant.tenantId, 2010);
      expect((await employeeOf(tenant.tenantId, edited[0])).lastName).toBe(`Edited${edited[0]}`);
      expect(await patchesOf(tenant.customerId)).toEqual([]);
    });
  });

  describe('the same field edited in both systems', () => {
    let tenant: Awaited<ReturnType<typeof importedTenant>>;
    beforeAll(async () => {
      await callJson('PUT', `${stack.urls.hr}/sandbox/save-events`, { originMarker: true });
      tenant = await importedTenant(2, 'conflict');
    });

    it('converges to HR\'s value when HR saved after the iCIMS edit, recorded as CONFLICT_RESOLVED', async () => {
      const [personId] = tenant.ids;
      await sandbox(tenant.customerId, 'PATCH', `/people/${personId}`, { firstname: 'Icimsfirst' });
      const employee = await employeeOf(tenant.tenantId, personId);
      await hrSave(tenant.tenantId, employee.id, { firstName: 'Hrlater' });

      await expectEventually(async () => expect((await icimsPerson(tenant.customerId, personId)).firstname).toBe('Hrlater'));
      expect((await employeeOf(tenant.tenantId, personId)).firstName).toBe('Hrlater');
      const record = await expectEventually(async () => {
        const found = await records().findOne({ tenantId: tenant.tenantId, icimsId: personId, 'conflicts.0': { $exists: true } });
        expect(found).not.toBeNull();
        return found!;
      });
      expect(record.conflicts).toEqual([{ field: 'firstName', kept: 'hr', hrAt: expect.any(Date), icimsAt: expect.any(Date) }]);
      expect(JSON.stringify(record)).not.toMatch(/Hrlater|Icimsfirst/);
      // The next import finds both sides equal: nothing goes either way.
      expect((await importAll(tenant.token, tenant.tenantId)).counters).toMatchObject({ updated: 0, added: 0 });
    });

    it('converges to iCIMS\'s value when the iCIMS edit came after the HR save (the export delayed by an outage)', async () => {
      const personId = tenant.ids[1];
      const employee = await employeeOf(tenant.tenantId, personId);
      await sandbox(tenant.customerId, 'PUT', '/faults', { errorRate: 1 });
      const before = (await patchesOf(tenant.customerId)).length;
      await hrSave(tenant.tenantId, employee.id, { lastName: 'Hrearlier' });
      // The recruiter's edit lands a minute after the HR save (iCIMS times are to the minute).
      const oneMinuteOn = new Date(Date.now() + 60_000);
      const at = `${oneMinuteOn.toISOString().slice(0, 10)} ${String(oneMinuteOn.getUTCHours() % 12 || 12).padStart(2, '0')}:${String(oneMinuteOn.getUTCMinutes()).padStart(2, '0')} ${oneMinuteOn.getUTCHours() < 12 ? 'AM' : 'PM'}`;
      await sandbox(tenant.customerId, 'PATCH', `/people/${personId}`, { lastname: 'Icimslater', updateddate: at });
      await sandbox(tenant.customerId, 'PUT', '/faults', { errorRate: 0 });

      await expectEventually(async () => expect((await employeeOf(tenant.tenantId, personId)).lastName).toBe('Icimslater'), { timeoutMs: 60_000 });
      expect((await icimsPerson(tenant.customerId, personId)).lastname).toBe('Icimslater');
      const record = await records().findOne({ tenantId: tenant.tenantId, icimsId: personId, reason: 'CONFLICT_KEPT_ICIMS' });
      expect(record?.conflicts).toEqual([expect.objectContaining({ field: 'lastName', kept: 'icims' })]);
      expect(await patchesOf(tenant.customerId)).toHaveLength(before);
    });
  });

  it('sends 100 saves of one employee within a second as at most the configured PATCHes per window, ending on the last value', async () => {
    const { tenantId, customerId, ids } = await importedTenant(1, 'burst');
    const employee = await employeeOf(tenantId, ids[0]);
    const startedAt = Date.now();
    for (let i = 1; i <= 100; i += 1) await hrSave(tenantId, employee.id, { employeeNumber: `E${String(i).padStart(3, '0')}` });
    const savedFor = Date.now() - startedAt;

    await expectEventually(async () => expect((await icimsPerson(customerId, ids[0])).adpassociateid).toBe('E100'));
    const patches = await patchesOf(customerId, ids[0]);
    const values = patches.map((patch) => patch.changes.adpassociateid as string);
    // Never an older value after a newer one, each sent once, the last one last.
    expect([...values].sort()).toEqual(values);
    expect(new Set(values).size).toBe(values.length);
    expect(values.at(-1)).toBe('E100');
    const windows = Math.ceil((Date.parse(patches.at(-1)!.at) - startedAt) / 1000) + 1;
    expect(patches.length).toBeLessThanOrEqual(2 * windows);
    process.stdout.write(`100 saves in ${savedFor} ms → ${patches.length} PATCHes over ${windows} windows\n`);
  });

  it('applies every export after 60 s of iCIMS 5xx, none lost or twice, nothing older over anything newer', async () => {
    const { tenantId, customerId, ids } = await importedTenant(5, 'outage');
    const employees = await Promise.all(ids.map((id) => employeeOf(tenantId, id)));
    await sandbox(customerId, 'PUT', '/faults', { errorRate: 1 });
    const outageEnds = Date.now() + 60_000;
    for (const round of [1, 2, 3]) {
      for (const employee of employees) await hrSave(tenantId, employee.id, { employeeNumber: `R${round}-${employee.icimsId}` });
      if (round < 3) await new Promise((resolve) => setTimeout(resolve, 20_000));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageEnds - Date.now())));
    await sandbox(customerId, 'PUT', '/faults', { errorRate: 0 });

    for (const employee of employees) {
      await expectEventually(async () => expect((await icimsPerson(customerId, employee.icimsId)).adpassociateid).toBe(`R3-${employee.icimsId}`), { timeoutMs: 120_000 });
      const values = (await patchesOf(customerId, employee.icimsId)).map((patch) => patch.changes.adpassociateid as string);
      expect([...values].sort()).toEqual(values);
      expect(new Set(values).size).toBe(values.length);
      expect(values.at(-1)).toBe(`R3-${employee.icimsId}`);
    }
    expect(await exportRuns().countDocuments({ tenantId, direction: 'export', status: 'failed' })).toBe(0);
  });

  it('skips saves, with the reason, while export is off or the owner is not a valid HR admin', async () => {
    const { tenantId, customerId, token, ids } = await importedTenant(1, 'paused');
    const employee = await employeeOf(tenantId, ids[0]);
    const settings = `/admin/tenants/${tenantId}/icims`;
    expect((await admin(token, 'PUT', `${settings}/toggles`, { autoImport: true, autoExport: false })).status).toBe(200);
    await hrSave(tenantId, employee.id, { lastName: 'Offline' });
    await expectEventually(async () => expect(await records().findOne({ tenantId, employeeId: employee.id, reason: 'AUTO_EXPORT_OFF' })).not.toBeNull());

    expect((await admin(token, 'PUT', `${settings}/toggles`, { autoImport: true, autoExport: true })).status).toBe(200);
    const owenToken = await signInHrUser(stack.urls.hr, tenantId, 'owen', { displayName: 'Owen Owner', roles: ['HR_ADMIN'] });
    // An owner must be an HR admin who has used the settings.
    expect((await admin(owenToken, 'GET', settings)).status).toBe(200);
    expect((await admin(token, 'PUT', `${settings}/owner`, { userId: 'owen' })).status).toBe(200);
    await callJson('PUT', `${stack.urls.hr}/tenants/${tenantId}/users/owen`, { displayName: 'Owen Owner', roles: ['HR_ADMIN'], active: false });
    expect((await admin(token, 'GET', settings)).body.automaticSync).toMatchObject({ export: false, pausedReason: 'owner_invalid' });
    await hrSave(tenantId, employee.id, { lastName: 'Ownerless' });
    await expectEventually(async () => expect(await records().findOne({ tenantId, employeeId: employee.id, reason: 'PAUSED_OWNER_INVALID' })).not.toBeNull());
    expect(await patchesOf(customerId)).toEqual([]);
  });

  it('plans a dry-run import whose counters the real import that follows matches, leaving HR unchanged between them', async () => {
    const { tenantId, customerId, token, ids } = await importedTenant(300, 'dry');
    for (const id of ids.slice(0, 20)) await sandbox(customerId, 'PATCH', `/people/${id}`, { lastname: `Changed${id}` });
    for (const id of ids.slice(20, 25)) await sandbox(customerId, 'DELETE', `/people/${id}`);
    await sandbox(customerId, 'POST', '/seed', { count: 30, seed: 9, invalidEvery: 0 });
    const hrBefore = (await callJson('GET', `${stack.urls.hr}/tenants/${tenantId}/employees?pageSize=500`)).body.items;

    const dry = await importAll(token, tenantId, { mode: 'full', dryRun: true });
    const hrBetween = (await callJson('GET', `${stack.urls.hr}/tenants/${tenantId}/employees?pageSize=500`)).body.items;
    const real = await importAll(token, tenantId, { mode: 'full' });

    expect(dry.dryRun).toBe(true);
    // A search, a GET per person, the deletion sweep's search and a GET per departed person.
    expect(dry.icimsRequests).toBeGreaterThanOrEqual(332);
    expect(hrBetween).toEqual(hrBefore);
    expect(dry.counters).toMatchObject({ added: 30, updated: 20, deleted: 5, errored: 0, total: 330 });
    expect(real.counters).toEqual(dry.counters);
    const planned = (await admin(token, 'GET', `/admin/tenants/${tenantId}/runs/${dry.runId}/records?outcome=updated&limit=50`)).body.items;
    expect(planned).toHaveLength(20);
    expect(planned[0]).toMatchObject({ outcome: 'updated', changedFields: ['lastName'] });
  });

  it('backfills: a dry run plans who differs, the real run PATCHes them, and one overwriting too many waits for confirmation', async () => {
    const { tenantId, customerId, token, ids } = await importedTenant(40, 'backfill');
    const base = `/admin/tenants/${tenantId}`;
    expect((await admin(token, 'PUT', `${base}/icims/toggles`, { autoImport: true, autoExport: false })).status).toBe(200);
    const employees = await Promise.all(ids.map((id) => employeeOf(tenantId, id)));
    // Saved in HR while export was off; one person changed in iCIMS instead.
    for (const employee of employees.slice(0, 3)) await hrSave(tenantId, employee.id, { employeeNumber: `B-${employee.icimsId}` });
    await sandbox(customerId, 'PATCH', `/people/${ids[39]}`, { firstname: 'Changedinicims' });
    const finishedExport = (runId: string, status = 'succeeded') =>
      expectEventually(async () => {
        const run = (await admin(token, 'GET', `${base}/exports/${runId}`)).body;
        expect(run.status).toBe(status);
        return run;
      }, { timeoutMs: 120_000, intervalMs: 250 });

    const dry = await finishedExport((await admin(token, 'POST', `${base}/exports`, { dryRun: true })).body.runId);
    expect(dry).toMatchObject({ direction: 'export', trigger: 'manual', dryRun: true, counters: { updated: 3, skipped: 37, errored: 0, total: 40 } });
    expect(dry.icimsRequests).toBeGreaterThanOrEqual(40);
    expect(await patchesOf(customerId)).toEqual([]);
    const newer = (await admin(token, 'GET', `${base}/runs/${dry.runId}/records?limit=200`)).body.items.find((record: { icimsId: string }) => record.icimsId === ids[39]);
    expect(newer).toMatchObject({ outcome: 'skipped', reason: 'ICIMS_NEWER' });

    const real = await finishedExport((await admin(token, 'POST', `${base}/exports`, {})).body.runId);
    expect(real.counters).toEqual(dry.counters);
    const patched = await patchesOf(customerId);
    expect(patched.map((patch) => patch.changes).sort((a, b) => String(a.adpassociateid).localeCompare(String(b.adpassociateid)))).toEqual(employees.slice(0, 3).map((employee) => ({ adpassociateid: `B-${employee.icimsId}` })));
    expect((await icimsPerson(customerId, ids[39])).firstname).toBe('Changedinicims');

    for (const employee of employees.slice(3, 18)) await hrSave(tenantId, employee.id, { employeeNumber: `M-${employee.icimsId}` });
    const held = await finishedExport((await admin(token, 'POST', `${base}/exports`, {})).body.runId, 'needs_confirmation');
    expect(held.hold).toMatchObject({ code: 'MASS_OVERWRITE', planned: 15, population: 40, maxPercent: 5 });
    expect(await patchesOf(customerId)).toHaveLength(3);
    expect((await admin(token, 'POST', `${base}/exports/${held.runId}/confirm`)).status).toBe(202);
    const confirmed = await finishedExport(held.runId);
    expect(confirmed.counters).toMatchObject({ updated: 15, errored: 0 });
    expect(await patchesOf(customerId)).toHaveLength(18);
  });

  it('records what iCIMS refused with its field id, and what it took with a warning', async () => {
    const { tenantId, customerId, ids } = await importedTenant(2, 'refused');
    const [refusedOne, warnedOne] = await Promise.all(ids.map((id) => employeeOf(tenantId, id)));
    await hrSave(tenantId, refusedOne.id, { employeeNumber: 'X'.repeat(40) });
    const refused = await expectEventually(async () => {
      const found = await records().findOne({ tenantId, employeeId: refusedOne.id, outcome: 'errored' });
      expect(found).not.toBeNull();
      return found!;
    });
    expect(refused).toMatchObject({ reason: 'ICIMS_REJECTED', details: ['adpassociateid:INVALID_VALUE'], changedFields: ['employeeNumber'] });

    await hrSave(tenantId, warnedOne.id, { separationDate: '2000-01-01' });
    const warned = await expectEventually(async () => {
      const found = await records().findOne({ tenantId, employeeId: warnedOne.id, outcome: 'updated' });
      expect(found).not.toBeNull();
      return found!;
    });
    expect(warned.warnings).toEqual(['enddate:ICIMS_WARNING_4']);
    expect(await patchesOf(customerId)).toHaveLength(1);
  });
});

