import mongoose from 'mongoose';
import { RetentionService } from '@icims-sync/platform';
import { expectEventually, mongoUrlFor, reserveThenDie, uniqueName } from '@icims-sync/testing';
import {
  ImportLeaseTimes,
  ImportLockDocument,
  ImportLockSchema,
  ImportLocks,
  ImportRunRepository,
  RunFence,
  RunFenced,
  SyncAuditRepository,
  SyncRecordDocument,
  SyncRecordSchema,
  SyncRunDocument,
  SyncRunSchema,
  SyncStateDocument,
  SyncStateSchema,
} from '@icims-sync/sync-ledger';

describe('import leases and fencing (real MongoDB)', () => {
  const database = uniqueName('import-lease');
  let connection: mongoose.Connection;
  let runModel: mongoose.Model<SyncRunDocument>;

  const repositoryWith = async (times: ImportLeaseTimes) => {
    const recordModel = connection.model(SyncRecordDocument.name, SyncRecordSchema);
    const audit = new SyncAuditRepository(runModel, recordModel, connection.model(SyncStateDocument.name, SyncStateSchema), new RetentionService(), 30);
    const locks = new ImportLocks(connection.model(ImportLockDocument.name, ImportLockSchema), times);
    await locks.onModuleInit();
    return new ImportRunRepository(runModel, recordModel, locks, audit);
  };
  const run = (runId: string) => runModel.findById(runId).lean<SyncRunDocument>();
  const reserved = async (repository: ImportRunRepository, tenantId: string) => {
    const result = await repository.reserve({ tenantId, trigger: 'manual', mode: 'full' });
    if (!('reserved' in result)) throw new Error(`not reserved: ${JSON.stringify(result)}`);
    return result;
  };
  const claimed = async (repository: ImportRunRepository, runId: string, tenantId: string, status: 'queued' | 'running') => {
    const fence = await repository.claim({ _id: runId, tenantId, status });
    if (!fence) throw new Error('not claimed');
    return fence;
  };

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrlFor(database), { autoIndex: false }).asPromise();
    runModel = connection.model(SyncRunDocument.name, SyncRunSchema);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('fails a run whose requester was SIGKILLed between reserve and publish once its lease lapses, and the next import starts', async () => {
    const repository = await repositoryWith({ queuedMs: 1_000, runningMs: 60_000 });
    const orphan = await reserveThenDie(mongoUrlFor(database), 'acme', 1_000);
    expect(orphan.signal).toBe('SIGKILL');
    expect(await repository.reserve({ tenantId: 'acme', trigger: 'manual', mode: 'full' })).toEqual({ running: orphan.runId });

    const next = await expectEventually(() => reserved(repository, 'acme'), { timeoutMs: 10_000 });

    expect(next.abandoned).toEqual({ runId: orphan.runId, direction: 'import', tenantId: 'acme', counters: expect.objectContaining({ total: 0 }) });
    expect(await run(orphan.runId)).toMatchObject({ status: 'failed', error: { code: 'RUN_ABANDONED' }, finishedAt: expect.any(Date) });
    expect((await run(next.reserved.runId))?.status).toBe('queued');
  });

  it('answers the run it failed as abandoned even when its own run id exists already (the day\'s scheduled run)', async () => {
    const repository = await repositoryWith({ queuedMs: 500, runningMs: 60_000 });
    const scheduled = { tenantId: 'umbrella', trigger: 'scheduled' as const, mode: 'incremental' as const, runId: `${uniqueName('day')}` };
    await repository.reserve(scheduled);
    await repository.finish({ _id: scheduled.runId, tenantId: 'umbrella' }, 'succeeded');
    const { reserved: orphan } = await reserved(repository, 'umbrella');

    const again = await expectEventually(async () => {
      const result = await repository.reserve(scheduled);
      expect(result).toMatchObject({ exists: scheduled.runId });
      return result;
    });

    expect(again).toEqual({ exists: scheduled.runId, abandoned: { runId: orphan.runId, direction: 'import', tenantId: 'umbrella', counters: expect.any(Object) } });
    expect(await run(orphan.runId)).toMatchObject({ status: 'failed', error: { code: 'RUN_ABANDONED' } });
  });

  it('fails a running import whose worker went silent (the sweep), frees its tenant, and refuses that worker from then on', async () => {
    const repository = await repositoryWith({ queuedMs: 60_000, runningMs: 500 });
    const { reserved: queued } = await reserved(repository, 'globex');
    const silent = await claimed(repository, queued.runId, 'globex', 'queued');

    // Other tests' runs may lapse here too: this one's tenant is what counts.
    const abandoned = await expectEventually(async () => {
      const swept = (await repository.failAbandoned()).filter(({ tenantId }) => tenantId === 'globex');
      expect(swept).toHaveLength(1);
      return swept;
    });

    expect(abandoned).toEqual([{ runId: queued.runId, direction: 'import', tenantId: 'globex', counters: expect.objectContaining({ total: 0 }) }]);
    expect(await run(queued.runId)).toMatchObject({ status: 'failed', error: { code: 'RUN_ABANDONED' } });
    await expect(repository.recordOutcomes(silent, 'globex', [{ icimsId: '1', outcome: 'added' }], { phase: 'people', lastId: '1' })).rejects.toBeInstanceOf(RunFenced);
    await reserved(repository, 'globex');
  });

  it('keeps a run whose worker renews its lease past the lease time', async () => {
    const repository = await repositoryWith({ queuedMs: 60_000, runningMs: 600 });
    const { reserved: queued } = await reserved(repository, 'hooli');
    const claimedAt = Date.now();
    const fence = await claimed(repository, queued.runId, 'hooli', 'queued');
    const stop = repository.keepLeased('hooli', fence);
    try {
      // Renewed at least twice: the first lease has run out by now.
      await expectEventually(async () => {
        const lock = await connection.collection<ImportLockDocument>('import_locks').findOne({ _id: 'hooli' });
        expect(lock!.leaseUntil.getTime()).toBeGreaterThan(claimedAt + 1_200);
      });
      expect((await repository.failAbandoned()).map(({ tenantId }) => tenantId)).not.toContain('hooli');
    } finally {
      stop();
    }
    expect((await run(queued.runId))?.status).toBe('running');
  });

  it('lets only the worker that claimed a run last write its pages; the other stops with nothing written', async () => {
    const repository = await repositoryWith({ queuedMs: 60_000, runningMs: 60_000 });
    const { reserved: queued } = await reserved(repository, 'initech');
    const evicted: RunFence = await claimed(repository, queued.runId, 'initech', 'queued');
    await repository.recordOutcomes(evicted, 'initech', [{ icimsId: '1', outcome: 'added' }], { phase: 'people', lastId: '1', pending: [] });
    // A rebalance: the message goes to another consumer, which resumes the running run.
    const owner = await claimed(repository, queued.runId, 'initech', 'running');

    const evictedWrites = [
      () => repository.savePending(evicted, [{ icimsId: '2', outcome: 'added' }]),
      () => repository.recordOutcomes(evicted, 'initech', [{ icimsId: '2', outcome: 'added' }], { phase: 'people', lastId: '2', pending: [] }),
      () => repository.recount(evicted),
      () => repository.finish({ _id: queued.runId, tenantId: 'initech' }, 'succeeded', undefined, evicted),
    ];
    for (const write of evictedWrites) await expect(write()).rejects.toBeInstanceOf(RunFenced);
    await repository.recordOutcomes(owner, 'initech', [{ icimsId: '2', outcome: 'updated' }, { icimsId: '3', outcome: 'added' }], { phase: 'people', lastId: '3', pending: [] });
    await repository.finish({ _id: queued.runId, tenantId: 'initech' }, 'succeeded', undefined, owner);

    expect(owner.generation).toBe(evicted.generation + 1);
    const records = await connection.collection('sync_records').find({ tenantId: 'initech' }).sort({ _id: 1 }).toArray();
    expect(records.map(({ _id, outcome }) => `${String(_id)}=${outcome}`)).toEqual([`${queued.runId}:1=added`, `${queued.runId}:2=updated`, `${queued.runId}:3=added`]);
    expect(await run(queued.runId)).toMatchObject({ status: 'succeeded', generation: owner.generation, counters: { added: 2, updated: 1, total: 3 } });
  });
});
