import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { ServiceProcess, SyncStack, callJson, expectEventually, stackEnv, uniqueName } from '@icims-sync/testing';

const CLI = 'apps/cli/dist/main.js';
const randomCustomerId = () => String(100_000 + Math.floor(Math.random() * 800_000));

/** The operator CLI as a process against the running system: what it prints, and how it exits. */
jest.setTimeout(180_000);

describe('icims-sync CLI', () => {
  let stack: SyncStack;
  let tenantId: string;
  let token: string;

  beforeAll(async () => {
    stack = await SyncStack.start();
    tenantId = uniqueName('cli');
    const customerId = randomCustomerId();
    ({ adminToken: token } = await stack.connectTenant(tenantId, customerId));
    await callJson('POST', `${stack.urls.sandbox}/sandbox/customers/${customerId}/seed`, { count: 120, seed: 3, invalidEvery: 0 });
  });
  afterAll(async () => stack?.stop());

  const cli = async (args: string[], env: Record<string, string> = {}) => {
    const run = ServiceProcess.start(CLI, { ICIMS_SYNC_URL: stack.urls.gateway, ICIMS_SYNC_TOKEN: token, ...env }, args);
    return { ...(await run.exited), ...run.output };
  };

  it('runs a full import with a progress bar and prints the counters the API has', async () => {
    const result = await cli(['import', '--tenant', tenantId, '--full']);
    expect(result.code).toBe(0);
    const summary = /import ([0-9a-f-]{36}) succeeded: added (\d+), updated (\d+), deleted (\d+), skipped (\d+), errored (\d+), total (\d+)/.exec(result.stdout);
    expect(summary).not.toBeNull();
    const run = (await callJson('GET', `${stack.urls.gateway}/admin/tenants/${tenantId}/imports/${summary![1]}`, undefined, { authorization: `Bearer ${token}` })).body;
    const { added, updated, deleted, skipped, errored, total } = run.counters;
    expect(summary!.slice(2).map(Number)).toEqual([added, updated, deleted, skipped, errored, total]);
    expect(total).toBe(120);
    expect(result.stdout).toContain('[');
  });

  it('prints the final run as JSON for scripts, a dry run included', async () => {
    const result = await cli(['--json', 'import', '--tenant', tenantId, '--full', '--dry-run']);
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout.trim().split('\n').at(-1)!);
    expect(run).toMatchObject({ status: 'succeeded', dryRun: true, counters: { total: 120, skipped: 120 } });

    const history = await cli(['--json', 'runs', 'list', '--tenant', tenantId, '--direction', 'import']);
    expect(JSON.parse(history.stdout).items.map((item: { runId: string }) => item.runId)).toContain(run.runId);
    const shown = await cli(['--json', 'runs', 'show', run.runId, '--tenant', tenantId, '--records']);
    expect(JSON.parse(shown.stdout).records).toHaveLength(120);
  });

  it.each([
    ['an unknown tenant', ['import', '--tenant', 'no-such-tenant'], {}, /^icims-sync: (INTEGRATION_NOT_ENABLED|FORBIDDEN|[A-Z_]+): /],
    ['the stack down', ['import', '--tenant', 'acme'], { ICIMS_SYNC_URL: 'http://127.0.0.1:9' }, /^icims-sync: cannot reach the gateway at http:\/\/127\.0\.0\.1:9: start the system \(npm start\)/],
    ['no token anywhere', ['runs', 'list', '--tenant', 'acme'], { ICIMS_SYNC_TOKEN: '' }, /^icims-sync: no admin token: pass --token/],
  ])('exits non-zero with one line saying what to do for %s', async (_case, args, env, line) => {
    const result = await cli(args, env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(line);
  });

  it('retries a failed import as a new run of the same kind, and refuses to retry one that did not fail', async () => {
    const admin = (method: 'GET' | 'POST', path: string) => callJson(method, `${stack.urls.gateway}/admin/tenants/${tenantId}${path}`, undefined, { authorization: `Bearer ${token}` });
    const mongo = await new MongoClient(stackEnv().MONGO_URL).connect();
    try {
      // A run that failed earlier (as the budget running out would leave it).
      const failedId = randomUUID();
      const startedAt = new Date(Date.now() - 60_000);
      await mongo.db(stack.auditDatabase).collection('sync_runs').insertOne({
        _id: failedId as never,
        tenantId,
        direction: 'import',
        trigger: 'manual',
        mode: 'full',
        status: 'failed',
        startedAt,
        finishedAt: startedAt,
        counters: { added: 0, updated: 0, deleted: 0, skipped: 0, errored: 0, total: 0 },
        error: { code: 'ICIMS_BUDGET_EXHAUSTED', message: 'the iCIMS request budget ran out' },
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      const retried = await admin('POST', `/runs/${failedId}/retry`);
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ mode: 'full', trigger: 'manual', status: 'queued' });
      expect(retried.body.runId).not.toBe(failedId);
      const done = await expectEventually(async () => {
        const run = (await admin('GET', `/imports/${retried.body.runId}`)).body;
        expect(run.status).toBe('succeeded');
        return run;
      });
      expect(done.counters.total).toBe(120);
      expect((await admin('GET', `/runs/${failedId}`)).body.status).toBe('failed');

      const again = await admin('POST', `/runs/${retried.body.runId}/retry`);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('RUN_NOT_FAILED');
    } finally {
      await mongo.close();
    }
  });
});

