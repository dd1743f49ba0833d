import { MongoClient } from 'mongodb';
import { request } from 'undici';
import { ServiceProcess, SyncStack, callJson, expectEventually, mongoUrlFor, readSse, reserveThenDie, stackEnv, uniqueName } from '@icims-sync/testing';

const randomCustomerId = () => String(100_000 + Math.floor(Math.random() * 800_000));

async function metric(url: string, result: string): Promise<number> {
  const text = await (await request(`${url}/metrics`)).body.text();
  return Number(new RegExp(`scheduled_imports_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
}

/**
 * Two scheduler replicas on a schedule that fires every 2 s: one leads, each tenant with
 * automatic import on gets one scheduled run per local day, and a standby takes over.
 */
describe('the daily automatic import', () => {
  let stack: SyncStack;
  let mongo: MongoClient;
  const schedulers: { process: ServiceProcess; url: string }[] = [];

  beforeAll(async () => {
    stack = await SyncStack.start();
    mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
  });
  afterAll(async () => {
    await mongo?.close();
    await stack?.stop();
  });

  it('queues one run per tenant with automatic import on, from one leader, and fails over', async () => {
    const on = uniqueName('auto');
    const off = uniqueName('manual');
    await stack.connectTenant(on, randomCustomerId());
    const { adminToken } = await stack.connectTenant(off, randomCustomerId());
    const toggled = await callJson('PUT', `${stack.urls.gateway}/admin/tenants/${off}/icims/toggles`, { autoImport: false, autoExport: true }, { authorization: `Bearer ${adminToken}` });
    expect(toggled.status).toBe(200);

    const env = { ...stackEnv(), MONGO_URL: mongoUrlFor(stack.auditDatabase), VAULT_URL: stack.urls.vault, VAULT_SERVICE_TOKEN: stack.serviceToken, IMPORT_CRON: '*/2 * * * * *', LEASE_TTL_MS: '3000', ABANDONED_IMPORT_SWEEP_MS: '300' };
    for (let i = 0; i < 2; i += 1) schedulers.push(await stack.startService('apps/scheduler/dist/main.js', env));

    // Several firings after the first one have found the day's run already queued.
    await expectEventually(async () => {
      const repeats = (await Promise.all(schedulers.map((scheduler) => metric(scheduler.url, 'already_queued')))).reduce((sum, count) => sum + count, 0);
      expect(repeats).toBeGreaterThanOrEqual(2);
    }, { timeoutMs: 30_000 });
    const runs = mongo.db(stack.auditDatabase).collection('sync_runs');
    const scheduled = await runs.find({ tenantId: on, trigger: 'scheduled' }).toArray();
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ direction: 'import', mode: 'incremental' });
    expect(await runs.countDocuments({ tenantId: off, trigger: 'scheduled' })).toBe(0);
    // Only the leader queued anything.
    const queuedBy = await Promise.all(schedulers.map((scheduler) => metric(scheduler.url, 'queued')));
    expect(queuedBy.sort()).toEqual([0, 1]);

    // The scheduled run is a real import: icims-ingest runs it to the end.
    await expectEventually(async () => expect((await runs.findOne({ _id: scheduled[0]._id }))?.status).toBe('succeeded'), { timeoutMs: 30_000 });

    // The leader dies without a word; the standby takes the lease once it expires.
    const leases = mongo.db(stack.auditDatabase).collection<{ _id: string; holder: string }>('leases');
    const leader = (await leases.findOne({ _id: 'scheduler.daily-import' }))!.holder;
    const leaderIndex = schedulers.findIndex((scheduler) => leader.includes(`:${scheduler.process.pid}:`));
    expect(leaderIndex).toBeGreaterThanOrEqual(0);
    schedulers[leaderIndex].process.kill('SIGKILL');
    await expectEventually(async () => expect((await leases.findOne({ _id: 'scheduler.daily-import' }))!.holder).not.toBe(leader), { timeoutMs: 15_000 });
    const standby = schedulers[1 - leaderIndex];
    const before = await metric(standby.url, 'already_queued');
    await expectEventually(async () => expect(await metric(standby.url, 'already_queued')).toBeGreaterThan(before), { timeoutMs: 15_000 });
    expect(await runs.countDocuments({ tenantId: on, trigger: 'scheduled' })).toBe(1);
  });

  it('fails an import whose requester was SIGKILLed between reserve and publish, ends its progress stream, and the next Import starts', async () => {
    const tenantId = uniqueName('orphaned');
    const { adminToken } = await stack.connectTenant(tenantId, randomCustomerId());
    const admin = (method: 'GET' | 'POST', path: string, body?: unknown) => callJson(method, `${stack.urls.gateway}/admin/tenants/${tenantId}${path}`, body, { authorization: `Bearer ${adminToken}` });
    const orphan = await reserveThenDie(mongoUrlFor(stack.auditDatabase), tenantId, 1_000);
    expect(orphan.signal).toBe('SIGKILL');
    const refused = await admin('POST', '/imports', { mode: 'full' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'IMPORT_RUNNING', details: { runId: orphan.runId } });

    // Nobody presses Import: the leader's sweep fails the run and its stream ends with it.
    const stream = readSse(`${stack.urls.gateway}/admin/tenants/${tenantId}/imports/${orphan.runId}/events`, { authorization: `Bearer ${adminToken}` }, { timeoutMs: 30_000 });
    await expectEventually(async () => expect((await admin('GET', `/imports/${orphan.runId}`)).body).toMatchObject({ status: 'failed', error: { code: 'RUN_ABANDONED' } }), { timeoutMs: 20_000 });
    const events = await stream;

    expect(events.filter(({ event }) => event === 'progress').at(-1)?.data).toMatchObject({ status: 'failed', errorCode: 'RUN_ABANDONED' });
    const next = await admin('POST', '/imports', { mode: 'full' });
    expect(next.status).toBe(202);
    await expectEventually(async () => expect((await admin('GET', `/imports/${next.body.runId}`)).body.status).toBe('succeeded'), { timeoutMs: 30_000 });
  });
});
