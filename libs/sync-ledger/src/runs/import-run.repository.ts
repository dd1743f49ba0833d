import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { ImportMode, SYNC_OUTCOMES, SyncRunStatus, SyncRunView } from '@icims-sync/contracts';
import { isDuplicateKey } from '@icims-sync/platform';
import { RecordOutcome, SyncAuditRepository, recordIdOf, recordsOfRun, toRunView } from './sync-audit.repository';
import { ImportLockDocument } from '../locks/import-lock.schema';
import { SyncRecordDocument } from '../records/sync-record.schema';
import { Counters, ImportCheckpoint, PendingOutcome, SyncRunDocument, ZERO_COUNTERS } from './sync-run.schema';

/** A lock whose run was never written (the requester died in between) is taken over after this. */
const ORPHAN_LOCK_MS = 60_000;
const FINISHED: readonly SyncRunStatus[] = ['succeeded', 'failed'];

export type ReserveResult =
  | { reserved: SyncRunView }
  /** Another import of the tenant is queued or running. */
  | { running: string }
  /** A run with this id exists already (a scheduled run of the same day). */
  | { exists: string };

export interface ImportRequest {
  tenantId: string;
  trigger: 'manual' | 'scheduled';
  mode: ImportMode;
  requestedBy?: string;
  /** Deterministic ids make a retried or doubled request land on the same run. */
  runId?: string;
}

/** Import runs: one at a time per tenant, checkpoints, pending outcomes and per-record outcomes. */
@Injectable()
export class ImportRunRepository {
  private readonly logger = new Logger(ImportRunRepository.name);

  constructor(
    @InjectModel(SyncRunDocument.name) private readonly runs: Model<SyncRunDocument>,
    @InjectModel(SyncRecordDocument.name) private readonly records: Model<SyncRecordDocument>,
    @InjectModel(ImportLockDocument.name) private readonly locks: Model<ImportLockDocument>,
    private readonly audit: SyncAuditRepository,
  ) {}

  /** Queues a run, unless the tenant already has one queued or running. */
  async reserve(request: ImportRequest, attempt = 0): Promise<ReserveResult> {
    const runId = request.runId ?? randomUUID();
    const now = new Date();
    try {
      await this.locks.create({ _id: request.tenantId, runId, lockedAt: now });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const holder = await this.staleLockHolder(request.tenantId);
      if (holder.stale && attempt === 0) return this.reserve(request, 1);
      return { running: holder.runId };
    }
    const run: SyncRunDocument = {
      _id: runId,
      tenantId: request.tenantId,
      direction: 'import',
      trigger: request.trigger,
      mode: request.mode,
      status: 'queued',
      startedAt: now,
      counters: { ...ZERO_COUNTERS },
      requestedBy: request.requestedBy,
      expiresAt: this.audit.expiry(now),
    };
    try {
      await this.runs.create(run);
    } catch (error) {
      await this.release(request.tenantId, runId);
      if (isDuplicateKey(error)) return { exists: runId };
      throw error;
    }
    return { reserved: toRunView(run) };
  }

  async markRunning(runId: string, since: Date | undefined): Promise<void> {
    await this.runs.updateOne({ _id: runId, status: 'queued' }, { $set: { status: 'running', ...(since ? { since } : {}) } });
  }

  /** Ends the run and frees the tenant for the next one; answers the run's final counters. */
  async finish(run: Pick<SyncRunDocument, '_id' | 'tenantId'>, status: 'succeeded' | 'failed', error?: { code: string; message: string }): Promise<Counters> {
    const finished = await this.runs
      .findOneAndUpdate({ _id: run._id }, { $set: { status, finishedAt: new Date(), ...(error ? { error } : {}) } }, { new: true, projection: { counters: 1 } })
      .lean<Pick<SyncRunDocument, 'counters'>>();
    await this.release(run.tenantId, run._id);
    return finished?.counters ?? { ...ZERO_COUNTERS };
  }

  /** Start of the tenant's last successful import: the next incremental run starts there. */
  async lastSuccessfulImportStart(tenantId: string): Promise<Date | undefined> {
    const last = await this.runs
      .findOne({ tenantId, direction: 'import', trigger: { $in: ['manual', 'scheduled'] }, status: 'succeeded' })
      .sort({ startedAt: -1, _id: -1 })
      .lean<SyncRunDocument>();
    return last?.startedAt;
  }

  /** Stores the outcomes about to be written to HR, before writing them (see `ImportCheckpoint.pending`). */
  async savePending(runId: string, pending: PendingOutcome[]): Promise<void> {
    await this.runs.updateOne({ _id: runId }, { $set: { 'checkpoint.pending': pending } });
  }

  /**
   * Stores the outcomes of people (or departures) whose effect is done, adds them to the run's
   * counters and moves its checkpoint, in one transaction: a crash leaves the records, the
   * counters and the checkpoint all before or all after. An outcome already recorded (a
   * resumed page) keeps its first record and is not counted twice. Without a checkpoint, the
   * pending outcomes are cleared and the position stays. Answers the run's counters.
   */
  async recordOutcomes(runId: string, tenantId: string, outcomes: RecordOutcome[], checkpoint?: ImportCheckpoint): Promise<Counters> {
    const now = new Date();
    // Built from typed outcomes, so inserted lean: hydrating and checking a page of them was a sixth of an import's garbage.
    const documents = outcomes.map((record) => ({ _id: recordIdOf(runId, record), ...this.audit.recordFields(runId, tenantId, record, now) }));
    const position = checkpoint ? { checkpoint } : { 'checkpoint.pending': [] };
    try {
      return await this.writeOutcomes(runId, documents, position);
    } catch (error) {
      // Inside a transaction a duplicate aborts the whole write: drop the recorded ones and write the rest.
      if (!isDuplicateKey(error)) throw error;
      const recorded = await this.storedRecordIds(documents.map((document) => document._id));
      return this.writeOutcomes(runId, documents.filter((document) => !recorded.has(document._id)), position);
    }
  }

  private writeOutcomes(runId: string, documents: SyncRecordDocument[], position: Record<string, unknown>): Promise<Counters> {
    const increments: Record<string, number> = {};
    for (const { outcome } of documents) increments[`counters.${outcome}`] = (increments[`counters.${outcome}`] ?? 0) + 1;
    if (documents.length > 0) increments['counters.total'] = documents.length;
    return this.runs.db.transaction(async (session) => {
      if (documents.length > 0) await this.records.insertMany(documents, { session, lean: true });
      const run = await this.runs
        .findOneAndUpdate({ _id: runId }, { $set: position, ...(documents.length > 0 ? { $inc: increments } : {}) }, { session, new: true, projection: { counters: 1 } })
        .lean<Pick<SyncRunDocument, 'counters'>>();
      return run?.counters ?? { ...ZERO_COUNTERS };
    });
  }

  /** Which of `icimsIds` already have a record in the run. */
  async recorded(runId: string, icimsIds: string[]): Promise<Set<string>> {
    const stored = await this.storedRecordIds(icimsIds.map((icimsId) => recordIdOf(runId, { icimsId })));
    return new Set(icimsIds.filter((icimsId) => stored.has(recordIdOf(runId, { icimsId }))));
  }

  private async storedRecordIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set((await this.records.find({ _id: { $in: ids } }, { _id: 1 }).lean<{ _id: string }[]>()).map(({ _id }) => _id));
  }

  /**
   * Sets the run's counters to what its records say. Only a resumed run needs it: counters
   * move with their records in one transaction, but a run begun by an older release did not.
   */
  async recount(runId: string): Promise<Counters> {
    const groups = await this.records.aggregate<{ _id: string; count: number }>([{ $match: recordsOfRun(runId) }, { $group: { _id: '$outcome', count: { $sum: 1 } } }]);
    const counters: Counters = { ...ZERO_COUNTERS };
    for (const group of groups) if ((SYNC_OUTCOMES as readonly string[]).includes(group._id)) counters[group._id as keyof Counters] = group.count;
    counters.total = SYNC_OUTCOMES.reduce((sum, outcome) => sum + counters[outcome], 0);
    await this.runs.updateOne({ _id: runId }, { $set: { counters } });
    return counters;
  }

  /** The run holding the tenant's lock, and whether it may be taken over (its run ended or was never written). */
  private async staleLockHolder(tenantId: string): Promise<{ runId: string; stale: boolean }> {
    const lock = await this.locks.findById(tenantId).lean<ImportLockDocument>();
    if (!lock) return { runId: '', stale: true };
    const run = await this.runs.findById(lock.runId, { status: 1 }).lean<Pick<SyncRunDocument, 'status'>>();
    const stale = run ? FINISHED.includes(run.status) : Date.now() - lock.lockedAt.getTime() > ORPHAN_LOCK_MS;
    if (stale) {
      this.logger.warn({ tenantId, runId: lock.runId }, 'taking over a stale import lock');
      await this.release(tenantId, lock.runId);
    }
    return { runId: lock.runId, stale };
  }

  private async release(tenantId: string, runId: string): Promise<void> {
    await this.locks.deleteOne({ _id: tenantId, runId });
  }
}
