import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Model } from 'mongoose';
import { ImportMode, SYNC_OUTCOMES, SyncDirection, SyncRunView } from '@icims-sync/contracts';
import { isDuplicateKey } from '@icims-sync/platform';
import { RecordOutcome, SyncAuditRepository, recordIdOf, recordsOfRun, toRunView } from './sync-audit.repository';
import { ImportLocks } from '../locks/import-locks';
import { ImportLockDocument } from '../locks/import-lock.schema';
import { SyncRecordDocument } from '../records/sync-record.schema';
import { RunFence, RunFenced } from './run-fence';
import { Counters, ImportCheckpoint, MassChangeHold, PendingOutcome, SyncRunDocument, ZERO_COUNTERS } from './sync-run.schema';

/** This process, as a run's owner. */
const WORKER = `${hostname()}:${process.pid}`;
const UNFINISHED = ['queued', 'running'];
/** Lapsed leases ended per sweep; the rest wait for the next one. */
const SWEEP_BATCH = 100;

/** Why a run whose lease lapsed failed: nobody was working on it any more. */
export const ABANDONED = {
  code: 'RUN_ABANDONED',
  message: 'the import stopped without finishing (its worker stopped, or its request could not be handled); press Import again',
};

/** What confirming a held run came to. */
export type ConfirmResult = { confirmed: SyncRunDocument; abandoned?: AbandonedRun } | { running: string } | { notHeld: true };

export type ReserveResult =
  /** `abandoned`: the run whose lapsed lease this one took over, now failed. */
  | { reserved: SyncRunView; abandoned?: AbandonedRun }
  /** Another import of the tenant is queued or running. */
  | { running: string }
  /** A run with this id exists already (a scheduled run of the same day); `abandoned` as above. */
  | { exists: string; abandoned?: AbandonedRun };

/** A run failed because its lease lapsed, with its counters as they stood. */
export interface AbandonedRun {
  runId: string;
  direction: SyncDirection;
  tenantId: string;
  counters: Counters;
}

/** A run to queue: an import (full or incremental), or an export backfill (`direction: export`, no mode). */
export interface ImportRequest {
  tenantId: string;
  trigger: 'manual' | 'scheduled';
  direction?: SyncDirection;
  mode?: ImportMode;
  requestedBy?: string;
  /** Deterministic ids make a retried or doubled request land on the same run. */
  runId?: string;
  /** Plan only: nothing is written to HR. */
  dryRun?: boolean;
}

/** Import runs: one at a time per tenant, checkpoints, pending outcomes and per-record outcomes. */
@Injectable()
export class ImportRunRepository {
  private readonly logger = new Logger(ImportRunRepository.name);

  constructor(
    @InjectModel(SyncRunDocument.name) private readonly runs: Model<SyncRunDocument>,
    @InjectModel(SyncRecordDocument.name) private readonly records: Model<SyncRecordDocument>,
    private readonly locks: ImportLocks,
    private readonly audit: SyncAuditRepository,
  ) {}

  /** Queues a run, unless the tenant already has one queued or running. */
  async reserve(request: ImportRequest): Promise<ReserveResult> {
    const runId = request.runId ?? randomUUID();
    const now = new Date();
    const lock = await this.lockFor(request.tenantId, runId, now);
    if ('running' in lock) return lock;
    const { abandoned } = lock;
    const run: SyncRunDocument = {
      _id: runId,
      tenantId: request.tenantId,
      direction: request.direction ?? 'import',
      trigger: request.trigger,
      ...(request.mode ? { mode: request.mode } : {}),
      status: 'queued',
      startedAt: now,
      counters: { ...ZERO_COUNTERS },
      requestedBy: request.requestedBy,
      ...(request.dryRun ? { dryRun: true } : {}),
      icimsRequests: 0,
      expiresAt: this.audit.expiry(now),
    };
    try {
      await this.runs.create(run);
    } catch (error) {
      await this.locks.release(request.tenantId, runId);
      // The abandoned run is failed already: whoever asked must still announce it.
      if (isDuplicateKey(error)) return { exists: runId, ...(abandoned ? { abandoned } : {}) };
      throw error;
    }
    return { reserved: toRunView(run), ...(abandoned ? { abandoned } : {}) };
  }

  /** Takes the tenant's lock for `runId`, taking over a lock that is over (failing an abandoned run). */
  private async lockFor(tenantId: string, runId: string, now: Date): Promise<{ abandoned?: AbandonedRun } | { running: string }> {
    if (await this.locks.take(tenantId, runId, now)) return {};
    const holder = await this.locks.holder(tenantId);
    const freed = holder ? await this.freeIfOver(holder, now) : { freed: true };
    if (!freed.freed || !(await this.locks.take(tenantId, runId, now))) return { running: holder?.runId ?? '' };
    return { abandoned: freed.abandoned };
  }

  /**
   * Stops a run before it writes what the mass-change guard found too much: the run waits,
   * recorded as `needs_confirmation` with the numbers, and its tenant is free meanwhile.
   */
  async hold(run: Pick<SyncRunDocument, '_id' | 'tenantId'>, fence: RunFence, hold: MassChangeHold): Promise<Counters> {
    const held = await this.runs
      .findOneAndUpdate(this.ownedBy(fence), { $set: { status: 'needs_confirmation', hold } }, { new: true, projection: { counters: 1 } })
      .lean<Pick<SyncRunDocument, 'counters'>>();
    if (!held) throw new RunFenced(fence);
    await this.locks.release(run.tenantId, run._id);
    return held.counters;
  }

  /** An HR admin lets a held run go on: it takes the tenant's lock again and resumes from its checkpoint. */
  async confirm(tenantId: string, runId: string, userId: string): Promise<ConfirmResult> {
    const now = new Date();
    const lock = await this.lockFor(tenantId, runId, now);
    if ('running' in lock) return lock;
    const confirmed = await this.runs
      .findOneAndUpdate({ _id: runId, tenantId, status: 'needs_confirmation' }, { $set: { status: 'running', confirmation: { userId, at: now } } }, { new: true })
      .lean<SyncRunDocument>();
    if (confirmed) return { confirmed, ...(lock.abandoned ? { abandoned: lock.abandoned } : {}) };
    await this.locks.release(tenantId, runId);
    return { notHeld: true };
  }

  /**
   * Makes this worker the run's owner: a queued run starts (with its `since`), a running one
   * is taken over from whoever had it. Answers the fence its writes must carry, or nothing
   * when the run has ended or another worker changed it first.
   */
  async claim(run: Pick<SyncRunDocument, '_id' | 'tenantId' | 'status'>, since?: Date): Promise<RunFence | undefined> {
    const claimed = await this.runs
      .findOneAndUpdate(
        { _id: run._id, status: run.status === 'queued' ? 'queued' : 'running' },
        { $inc: { generation: 1 }, $set: { status: 'running', owner: WORKER, ...(run.status === 'queued' && since ? { since } : {}) } },
        { new: true, projection: { generation: 1 } },
      )
      .lean<Pick<SyncRunDocument, 'generation'>>();
    if (!claimed) return undefined;
    const fence = { runId: run._id, generation: claimed.generation ?? 1 };
    if (!(await this.locks.renew(run.tenantId, run._id))) {
      this.logger.warn({ runId: run._id }, 'claimed a run whose lock was freed; it stops');
      return undefined;
    }
    return fence;
  }

  /** Renews the run's lease until the returned function is called (a third of the lease apart). */
  keepLeased(tenantId: string, fence: RunFence): () => void {
    const timer = setInterval(() => {
      this.locks.renew(tenantId, fence.runId).then(
        (held) => held || this.logger.warn({ runId: fence.runId }, 'the import lost its lease; its next write is refused'),
        (error: unknown) => this.logger.warn({ runId: fence.runId, error: (error as Error).message }, 'lease renewal failed; will retry'),
      );
    }, Math.max(1, Math.floor(this.locks.times.runningMs / 3)));
    timer.unref();
    return () => clearInterval(timer);
  }

  /** A run stopped by a draining consumer waits for the next one as long as a queued run would. */
  async handOver(tenantId: string, fence: RunFence): Promise<void> {
    await this.locks.renew(tenantId, fence.runId, this.locks.times.queuedMs);
  }

  /**
   * Ends the run and frees the tenant for the next one; answers the run's final counters.
   * With a fence, only while this worker owns the run; without one, only a run still queued
   * (nobody started it).
   */
  async finish(run: Pick<SyncRunDocument, '_id' | 'tenantId'>, status: 'succeeded' | 'failed', error?: { code: string; message: string }, fence?: RunFence): Promise<Counters> {
    const owned = fence ? this.ownedBy(fence) : { _id: run._id, status: 'queued' };
    const finished = await this.runs
      .findOneAndUpdate(owned, { $set: { status, finishedAt: new Date(), ...(error ? { error } : {}) } }, { new: true, projection: { counters: 1 } })
      .lean<Pick<SyncRunDocument, 'counters'>>();
    if (!finished && fence) throw new RunFenced(fence);
    await this.locks.release(run.tenantId, run._id);
    return finished?.counters ?? { ...ZERO_COUNTERS };
  }

  /** Fails every run whose lease lapsed (its worker died or its request was dead-lettered) and frees its tenant. */
  async failAbandoned(now = new Date()): Promise<AbandonedRun[]> {
    const abandoned: AbandonedRun[] = [];
    for (const lock of await this.locks.lapsed(now, SWEEP_BATCH)) {
      const freed = await this.freeIfOver(lock, now);
      if (freed.abandoned) abandoned.push(freed.abandoned);
    }
    return abandoned;
  }

  /** Frees a lock whose run ended, was never written, or whose lease lapsed (failing that run). */
  private async freeIfOver(lock: ImportLockDocument, now: Date): Promise<{ freed: boolean; abandoned?: AbandonedRun }> {
    if (lock.leaseUntil.getTime() >= now.getTime()) {
      const run = await this.runs.findById(lock.runId, { status: 1 }).lean<Pick<SyncRunDocument, 'status'>>();
      if (!run || UNFINISHED.includes(run.status)) return { freed: false };
      await this.locks.release(lock._id, lock.runId);
      return { freed: true };
    }
    const failed = await this.runs
      .findOneAndUpdate({ _id: lock.runId, status: { $in: UNFINISHED } }, { $set: { status: 'failed', finishedAt: now, error: ABANDONED } }, { new: true, projection: { counters: 1, direction: 1 } })
      .lean<Pick<SyncRunDocument, 'counters' | 'direction'>>();
    await this.locks.release(lock._id, lock.runId, now);
    if (!failed) return { freed: true };
    this.logger.warn({ tenantId: lock._id, runId: lock.runId, leaseUntil: lock.leaseUntil }, 'import lease lapsed: run failed as abandoned, tenant freed');
    return { freed: true, abandoned: { runId: lock.runId, direction: failed.direction, tenantId: lock._id, counters: failed.counters } };
  }

  private ownedBy(fence: RunFence): Record<string, unknown> {
    return { _id: fence.runId, generation: fence.generation, status: 'running' };
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
  async savePending(fence: RunFence, pending: PendingOutcome[]): Promise<void> {
    const { matchedCount } = await this.runs.updateOne(this.ownedBy(fence), { $set: { 'checkpoint.pending': pending } });
    if (matchedCount === 0) throw new RunFenced(fence);
  }

  /**
   * Stores the outcomes of people (or departures) whose effect is done, adds them to the run's
   * counters and moves its checkpoint, in one transaction: a crash leaves the records, the
   * counters and the checkpoint all before or all after. An outcome already recorded (a
   * resumed page) keeps its first record and is not counted twice. Without a checkpoint, the
   * pending outcomes are cleared and the position stays. Answers the run's counters. Written
   * only while `fence` owns the run: otherwise nothing is, and `RunFenced` is thrown.
   */
  async recordOutcomes(fence: RunFence, tenantId: string, outcomes: RecordOutcome[], checkpoint?: ImportCheckpoint, icimsRequests = 0): Promise<Counters> {
    const now = new Date();
    // Built from typed outcomes, so inserted lean: hydrating and checking a page of them was a sixth of an import's garbage.
    const { runId } = fence;
    const documents = outcomes.map((record) => ({ _id: recordIdOf(runId, record), ...this.audit.recordFields(runId, tenantId, record, now) }));
    const position = checkpoint ? { checkpoint } : { 'checkpoint.pending': [] };
    try {
      return await this.writeOutcomes(fence, documents, position, icimsRequests);
    } catch (error) {
      // Inside a transaction a duplicate aborts the whole write: drop the recorded ones and write the rest.
      if (!isDuplicateKey(error)) throw error;
      const recorded = await this.storedRecordIds(documents.map((document) => document._id));
      return this.writeOutcomes(fence, documents.filter((document) => !recorded.has(document._id)), position, icimsRequests);
    }
  }

  private writeOutcomes(fence: RunFence, documents: SyncRecordDocument[], position: Record<string, unknown>, icimsRequests: number): Promise<Counters> {
    const increments: Record<string, number> = icimsRequests > 0 ? { icimsRequests } : {};
    for (const { outcome } of documents) increments[`counters.${outcome}`] = (increments[`counters.${outcome}`] ?? 0) + 1;
    if (documents.length > 0) increments['counters.total'] = documents.length;
    return this.runs.db.transaction(async (session) => {
      if (documents.length > 0) await this.records.insertMany(documents, { session, lean: true });
      const run = await this.runs
        .findOneAndUpdate(this.ownedBy(fence), { $set: position, ...(Object.keys(increments).length > 0 ? { $inc: increments } : {}) }, { session, new: true, projection: { counters: 1 } })
        .lean<Pick<SyncRunDocument, 'counters'>>();
      // Thrown inside the transaction, so the page's records are not written either.
      if (!run) throw new RunFenced(fence);
      return run.counters;
    });
  }

  /** A run's records of `outcome` after `afterId`, in id order (an export's planned updates, page by page). */
  async recordsWith(runId: string, outcome: SyncRecordDocument['outcome'], afterId: string | undefined, limit: number): Promise<SyncRecordDocument[]> {
    return this.records
      .find({ ...recordsOfRun(runId, afterId), outcome })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<SyncRecordDocument[]>();
  }

  /**
   * A planned outcome that did not happen as planned (iCIMS refused the PATCH): the record
   * and the run's counters change together, and the checkpoint moves past it.
   */
  async reviseOutcome(fence: RunFence, recordId: string, from: SyncRecordDocument['outcome'], to: Pick<RecordOutcome, 'outcome' | 'reason' | 'details'>): Promise<Counters> {
    return this.runs.db.transaction(async (session) => {
      const revised = await this.records.updateOne({ _id: recordId, outcome: from }, { $set: { outcome: to.outcome, reason: to.reason, details: to.details ?? [] } }, { session });
      const increments = revised.modifiedCount > 0 ? { $inc: { [`counters.${from}`]: -1, [`counters.${to.outcome}`]: 1 } } : {};
      const run = await this.runs
        .findOneAndUpdate(this.ownedBy(fence), { $set: { 'checkpoint.afterRecordId': recordId }, ...increments }, { session, new: true, projection: { counters: 1 } })
        .lean<Pick<SyncRunDocument, 'counters'>>();
      if (!run) throw new RunFenced(fence);
      return run.counters;
    });
  }

  /** Moves an export's apply checkpoint (without a record: planning is done), adding the requests spent; only while `fence` owns the run. */
  async advanceApply(fence: RunFence, afterRecordId: string | undefined, icimsRequests: number): Promise<void> {
    const checkpoint = { phase: 'apply', ...(afterRecordId ? { afterRecordId } : {}) };
    const { matchedCount } = await this.runs.updateOne(this.ownedBy(fence), { $set: { checkpoint }, ...(icimsRequests > 0 ? { $inc: { icimsRequests } } : {}) });
    if (matchedCount === 0) throw new RunFenced(fence);
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
  async recount(fence: RunFence): Promise<Counters> {
    const { runId } = fence;
    const groups = await this.records.aggregate<{ _id: string; count: number }>([{ $match: recordsOfRun(runId) }, { $group: { _id: '$outcome', count: { $sum: 1 } } }]);
    const counters: Counters = { ...ZERO_COUNTERS };
    for (const group of groups) if ((SYNC_OUTCOMES as readonly string[]).includes(group._id)) counters[group._id as keyof Counters] = group.count;
    counters.total = SYNC_OUTCOMES.reduce((sum, outcome) => sum + counters[outcome], 0);
    const { matchedCount } = await this.runs.updateOne(this.ownedBy(fence), { $set: { counters } });
    if (matchedCount === 0) throw new RunFenced(fence);
    return counters;
  }
}
