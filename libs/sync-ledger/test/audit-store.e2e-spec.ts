import mongoose from 'mongoose';
import { RetentionService } from '@icims-sync/platform';
import { explainQueriesOf, mongoUrlFor, uniqueName } from '@icims-sync/testing';
import {
  ImportLockDocument,
  ImportLockSchema,
  ImportLocks,
  ImportRunRepository,
  SyncAuditRepository,
  SyncRecordDocument,
  SyncRecordSchema,
  SyncRunDocument,
  SyncRunSchema,
  SyncStateDocument,
  SyncStateRepository,
  SyncStateSchema,
} from '@icims-sync/sync-ledger';

describe('audit store (real MongoDB)', () => {
  const database = uniqueName('audit-indexes');
  let connection: mongoose.Connection;
  let audit: SyncAuditRepository;
  let runs: ImportRunRepository;
  let state: SyncStateRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrlFor(database), { autoIndex: false, monitorCommands: true }).asPromise();
    const runModel = connection.model(SyncRunDocument.name, SyncRunSchema);
    const recordModel = connection.model(SyncRecordDocument.name, SyncRecordSchema);
    const stateModel = connection.model(SyncStateDocument.name, SyncStateSchema);
    audit = new SyncAuditRepository(runModel, recordModel, stateModel, new RetentionService(), 30);
    const locks = new ImportLocks(connection.model(ImportLockDocument.name, ImportLockSchema), { queuedMs: 60_000, runningMs: 60_000 });
    runs = new ImportRunRepository(runModel, recordModel, locks, audit);
    state = new SyncStateRepository(stateModel);
    await audit.onModuleInit();
    await locks.onModuleInit();
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  /** An import and a hire as the services run them, then the history API's reads. */
  async function exerciseEveryQuery(tenantId: string): Promise<void> {
    const reserved = await runs.reserve({ tenantId, trigger: 'manual', mode: 'full', requestedBy: 'u-1' });
    if (!('reserved' in reserved)) throw new Error('not reserved');
    const { runId } = reserved.reserved;
    expect(await runs.reserve({ tenantId, trigger: 'manual', mode: 'full' })).toEqual({ running: runId });
    const fence = await runs.claim({ _id: runId, tenantId, status: 'queued' }, undefined);
    if (!fence) throw new Error('not claimed');
    await runs.savePending(fence, [{ icimsId: '1', outcome: 'added' }]);
    await state.recordImported(tenantId, runId, [{ icimsId: '1', employeeId: 'e-1', hash: 'h', created: true }]);
    const outcomes = [{ icimsId: '1', employeeId: 'e-1', outcome: 'added' as const }, { icimsId: '2', outcome: 'errored' as const, reason: 'INVALID_PERSON' }];
    await runs.recordOutcomes(fence, tenantId, outcomes, { phase: 'people', lastId: '2', pending: [] });
    // A resumed page: both recorded already, so the transaction is written again without them.
    await runs.recordOutcomes(fence, tenantId, outcomes, { phase: 'deletions', pending: [] });
    await runs.recorded(runId, ['1', '2', '3']);
    await runs.recount(fence);
    await runs.failAbandoned();
    await runs.finish({ _id: runId, tenantId }, 'succeeded', undefined, fence);
    await runs.lastSuccessfulImportStart(tenantId);
    await audit.recordSingleRun({ runId: `${tenantId}-hire`, tenantId, direction: 'import', trigger: 'webhook', startedAt: new Date() }, { icimsId: '3', outcome: 'added' }, { icimsId: '3', employeeId: 'e-3', hash: 'h', created: true });
    await state.find(tenantId, '1');
    await audit.findRun(runId);
    await audit.recordsOf(runId);
    const page = await audit.listRuns(tenantId, { limit: 1, direction: 'import', trigger: 'manual', status: 'succeeded', from: '2020-01-01T00:00:00Z' });
    await audit.listRuns(tenantId, { cursor: page.nextCursor });
    const records = await audit.listRecords(runId, { limit: 1 });
    await audit.listRecords(runId, { cursor: records.nextCursor, outcome: 'errored' });
  }

  it('reads every run, record, lock and state through an index (explain)', async () => {
    const explained = await explainQueriesOf(connection, () => exerciseEveryQuery('acme'));

    const collections = new Set(explained.map(({ query }) => query.split(' ')[1]));
    expect([...collections].sort()).toEqual(['import_locks', 'sync_records', 'sync_runs', 'sync_state']);
    expect(explained.filter((query) => query.readsWholeCollection).map(({ query, plan }) => `${query}: ${plan}`)).toEqual([]);
  });

  it('writes hires arriving together in one transaction, and a redelivered hire not again', async () => {
    const hire = (runId: string, icimsId: string, firstName: string) =>
      audit.recordSingleRun({ runId, tenantId: 'initech', direction: 'import', trigger: 'webhook', startedAt: new Date() }, { icimsId, outcome: 'added', changedFields: [firstName] }, { icimsId, employeeId: `e-${icimsId}`, hash: firstName, created: true });
    const commits: string[] = [];
    const client = connection.getClient();
    const countCommits = (event: { commandName: string }) => event.commandName === 'commitTransaction' && commits.push(event.commandName);
    client.on('commandStarted', countCommits);

    await Promise.all([hire('h-1', '10', 'first'), hire('h-2', '11', 'first'), hire('h-1', '10', 'again')]);
    await hire('h-2', '11', 'later');

    client.off('commandStarted', countCommits);
    expect(commits).toHaveLength(2);
    const records = await connection.collection('sync_records').find({ tenantId: 'initech' }).sort({ _id: 1 }).toArray();
    expect(records.map(({ _id, changedFields }) => `${String(_id)}=${changedFields}`)).toEqual(['h-1:10=first', 'h-2:11=first']);
    expect(await connection.collection('sync_runs').countDocuments({ tenantId: 'initech' })).toBe(2);
    expect((await state.find('initech', '11'))?.import).toMatchObject({ hash: 'first', runId: 'h-2' });
  });

  it('would catch a query left without its index', async () => {
    await connection.collection('sync_runs').dropIndex('tenant_started_id');

    const explained = await explainQueriesOf(connection, () => audit.listRuns('acme', {}));

    expect(explained).toEqual([expect.objectContaining({ query: expect.stringContaining('find sync_runs {"tenantId":"acme"}'), readsWholeCollection: true })]);
  });

  it('drops the record indexes of earlier releases, which served no query', async () => {
    await connection.collection('sync_records').createIndex({ runId: 1, _id: 1 }, { name: 'run_id' });

    await audit.onModuleInit();

    expect((await connection.collection('sync_records').indexes()).map((index) => index.name).sort()).toEqual(['_id_', 'expiresAt_ttl']);
  });
});
