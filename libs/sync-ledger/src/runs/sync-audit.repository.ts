import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation } from 'mongodb';
import { FilterQuery, Model } from 'mongoose';
import { Page, RunRecordsQueryDto, RunsQueryDto, SyncDirection, SyncRecordView, SyncRunStatus, SyncRunView, SyncTrigger } from '@icims-sync/contracts';
import { GroupCommit, RetentionService, isDuplicateKey } from '@icims-sync/platform';
import type { ConflictNote } from '@icims-sync/mapping';
import { decodeCursor, encodeCursor } from './cursor.util';
import { SyncRecordDocument } from '../records/sync-record.schema';
import { SyncedEntry, importedStateUpsert } from '../state/sync-state.repository';
import { SyncStateDocument } from '../state/sync-state.schema';
import { SyncRunDocument, ZERO_COUNTERS } from './sync-run.schema';

export const AUDIT_RETENTION_DAYS = Symbol('AUDIT_RETENTION_DAYS');
const DAY_MS = 86_400_000;
const DEFAULT_PAGE = 50;

/** Webhook hires per transaction at most. */
const MAX_RUNS_PER_TRANSACTION = 200;

export interface SingleRun {
  runId: string;
  tenantId: string;
  direction: SyncDirection;
  trigger: SyncTrigger;
  startedAt: Date;
}

interface SingleRunWrite {
  run: SyncRunDocument;
  record: SyncRecordDocument;
  state?: AnyBulkWriteOperation<SyncStateDocument>;
}

export interface RecordOutcome {
  icimsId?: string;
  employeeId?: string;
  outcome: SyncRecordDocument['outcome'];
  changedFields?: string[];
  reason?: string;
  details?: string[];
  /** `field:CODE` (mapping warnings, iCIMS `warnings` on a 2xx reply). */
  warnings?: string[];
  conflicts?: ConflictNote[];
}

/** The audit log: `sync_runs` and `sync_records`. Writes are idempotent, so a redelivered message audits once. */
@Injectable()
export class SyncAuditRepository implements OnModuleInit {
  /** Hires arriving together share one command per collection. */
  private readonly singleRuns: GroupCommit<SingleRunWrite, void>;

  constructor(
    @InjectModel(SyncRunDocument.name) private readonly runs: Model<SyncRunDocument>,
    @InjectModel(SyncRecordDocument.name) private readonly records: Model<SyncRecordDocument>,
    @InjectModel(SyncStateDocument.name) private readonly states: Model<SyncStateDocument>,
    private readonly retention: RetentionService,
    @Inject(AUDIT_RETENTION_DAYS) private readonly retentionDays: number,
  ) {
    this.singleRuns = new GroupCommit((writes) => this.writeSingleRuns(writes), MAX_RUNS_PER_TRANSACTION);
  }

  async onModuleInit(): Promise<void> {
    // Query served: a tenant's run history, newest first (filters on direction, trigger, status), and the last successful import.
    await this.runs.collection.createIndex({ tenantId: 1, startedAt: -1, _id: -1 }, { name: 'tenant_started_id' });
    await this.retention.expireBy(this.runs, 'expiresAt');
    await this.retention.expireBy(this.records, 'expiresAt');
    // A run's records are an `_id` range (`<runId>:…`), so they need no index of their own;
    // indexes of earlier releases that served that and no query now are dropped, since
    // every record insert paid for them.
    await dropIndexes(this.records, ['run_id', 'tenant_icims']);
  }

  /**
   * A run of one record, written whole with the person's state when the hire wrote to HR: a
   * webhook hire. Hires arriving together share one transaction, so one journaled commit
   * for all their runs, records and states, where separate writes would cost three each.
   * A redelivered hire finds its run there and writes nothing: the first write stands.
   */
  async recordSingleRun(run: SingleRun, record: RecordOutcome, synced?: SyncedEntry): Promise<void> {
    const now = new Date();
    const status: SyncRunStatus = record.outcome === 'errored' ? 'failed' : 'succeeded';
    await this.singleRuns.submit({
      run: { _id: run.runId, tenantId: run.tenantId, direction: run.direction, trigger: run.trigger, startedAt: run.startedAt, status, finishedAt: now, counters: { ...ZERO_COUNTERS, [record.outcome]: 1, total: 1 }, expiresAt: this.expiry(now) },
      record: { _id: recordIdOf(run.runId, record), ...this.recordFields(run.runId, run.tenantId, record, now) },
      state: synced ? importedStateUpsert(run.tenantId, run.runId, synced, now) : undefined,
    });
  }

  private async writeSingleRuns(writes: SingleRunWrite[], attempt = 0): Promise<void[]> {
    try {
      await this.runs.db.transaction(async (session) => {
        // Redelivered hires are rare: the first attempt inserts without asking, and only a duplicate makes the second look.
        const ids = [...new Set(writes.map(({ run }) => run._id))];
        const stored = attempt === 0 ? new Set<string>() : new Set((await this.runs.find({ _id: { $in: ids } }, { _id: 1 }, { session }).lean<{ _id: string }[]>()).map(({ _id }) => _id));
        // One write per run id, the first, even if a redelivery joined the same group.
        const fresh = writes.filter(({ run }, index) => !stored.has(run._id) && writes.findIndex((other) => other.run._id === run._id) === index);
        if (fresh.length === 0) return;
        await this.runs.insertMany(fresh.map(({ run }) => run), { session, lean: true });
        await this.records.insertMany(fresh.map(({ record }) => record), { session, lean: true });
        const states = fresh.flatMap(({ state }) => (state ? [state] : []));
        if (states.length > 0) await this.states.collection.bulkWrite(states as AnyBulkWriteOperation[], { session });
      });
    } catch (error) {
      // A run already stored (a redelivery), or committed by another replica meanwhile: look, then write the rest.
      if (!isDuplicateKey(error) || attempt > 1) throw error;
      return this.writeSingleRuns(writes, attempt + 1);
    }
    return writes.map(() => undefined);
  }

  async findRun(runId: string): Promise<SyncRunDocument | null> {
    return this.runs.findById(runId).lean<SyncRunDocument>();
  }

  async recordsOf(runId: string): Promise<SyncRecordDocument[]> {
    return this.records.find(recordsOfRun(runId)).sort({ _id: 1 }).lean<SyncRecordDocument[]>();
  }

  /** Start of the tenant's last successful run of `direction` (webhook hires and auto-exports included). */
  async lastSucceeded(tenantId: string, direction: SyncDirection): Promise<Date | undefined> {
    const run = await this.runs.findOne({ tenantId, direction, status: 'succeeded' }, { startedAt: 1 }).sort({ startedAt: -1, _id: -1 }).lean<Pick<SyncRunDocument, 'startedAt'>>();
    return run?.startedAt;
  }

  /** A tenant's runs, newest first. */
  async listRuns(tenantId: string, query: RunsQueryDto): Promise<Page<SyncRunView>> {
    const filter: FilterQuery<SyncRunDocument> = { tenantId };
    if (query.direction) filter.direction = query.direction;
    if (query.trigger) filter.trigger = query.trigger;
    if (query.status) filter.status = query.status;
    if (query.from || query.to) filter.startedAt = { ...(query.from ? { $gte: new Date(query.from) } : {}), ...(query.to ? { $lt: new Date(query.to) } : {}) };
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after) {
      const at = new Date(after.at);
      filter.$or = [{ startedAt: { $lt: at } }, { startedAt: at, _id: { $lt: after.id } }];
    }
    const limit = query.limit ?? DEFAULT_PAGE;
    const documents = await this.runs.find(filter).sort({ startedAt: -1, _id: -1 }).limit(limit).lean<SyncRunDocument[]>();
    const last = documents.at(-1);
    return { items: documents.map(toRunView), nextCursor: documents.length === limit && last ? encodeCursor({ at: last.startedAt.toISOString(), id: last._id }) : undefined };
  }

  /** One run's records, in id order. */
  async listRecords(runId: string, query: RunRecordsQueryDto): Promise<Page<SyncRecordView>> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const filter: FilterQuery<SyncRecordDocument> = recordsOfRun(runId, after?.id);
    if (query.outcome) filter.outcome = query.outcome;
    const limit = query.limit ?? DEFAULT_PAGE;
    const documents = await this.records.find(filter).sort({ _id: 1 }).limit(limit).lean<SyncRecordDocument[]>();
    const last = documents.at(-1);
    return { items: documents.map(toRecordView), nextCursor: documents.length === limit && last ? encodeCursor({ at: '', id: last._id }) : undefined };
  }

  /** The fields of a new record document; none is undefined, which a lean insert would store as null. */
  recordFields(runId: string, tenantId: string, record: RecordOutcome, now: Date): Omit<SyncRecordDocument, '_id'> {
    const { icimsId, employeeId, outcome, changedFields, reason, details, warnings, conflicts } = record;
    return {
      runId,
      tenantId,
      ...(icimsId ? { icimsId } : {}),
      ...(employeeId ? { employeeId } : {}),
      outcome,
      changedFields: changedFields ?? [],
      ...(reason ? { reason } : {}),
      details: details ?? [],
      warnings: warnings ?? [],
      ...(conflicts?.length ? { conflicts } : {}),
      at: now,
      expiresAt: this.expiry(now),
    };
  }

  expiry(from: Date): Date {
    return new Date(from.getTime() + this.retentionDays * DAY_MS);
  }
}

export function recordIdOf(runId: string, record: Pick<RecordOutcome, 'icimsId' | 'employeeId'>): string {
  return `${runId}:${record.icimsId ?? record.employeeId}`;
}

/** A run's records, after `afterId` when given: the `_id` range of `<runId>:` (run ids are UUIDs, so no run's prefix holds another's). */
export function recordsOfRun(runId: string, afterId?: string): FilterQuery<SyncRecordDocument> {
  const first = `${runId}:`;
  return { _id: { $gt: afterId && afterId > first ? afterId : first, $lt: `${runId};` } };
}

async function dropIndexes(model: Model<any>, names: string[]): Promise<void> {
  const present = new Set((await model.collection.indexes()).map((index) => index.name));
  for (const name of names) if (present.has(name)) await model.collection.dropIndex(name);
}

export function toRunView(run: SyncRunDocument): SyncRunView {
  return {
    runId: run._id,
    tenantId: run.tenantId,
    direction: run.direction,
    trigger: run.trigger,
    mode: run.mode,
    status: run.status,
    counters: run.counters,
    requestedBy: run.requestedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString(),
    error: run.error,
    ...(run.hold ? { hold: { ...run.hold, heldAt: run.hold.heldAt.toISOString() } } : {}),
    ...(run.confirmation ? { confirmation: { userId: run.confirmation.userId, at: run.confirmation.at.toISOString() } } : {}),
    ...(run.dryRun ? { dryRun: true } : {}),
    ...(run.icimsRequests !== undefined ? { icimsRequests: run.icimsRequests } : {}),
  };
}

function toRecordView(record: SyncRecordDocument): SyncRecordView {
  const { icimsId, employeeId, outcome, changedFields, reason, details, warnings, conflicts, at } = record;
  return {
    icimsId,
    employeeId,
    outcome,
    changedFields,
    reason,
    details,
    warnings: warnings ?? [],
    ...(conflicts?.length ? { conflicts: conflicts.map((note) => ({ field: note.field, kept: note.kept, hrAt: new Date(note.hrAt).toISOString(), icimsAt: new Date(note.icimsAt).toISOString() })) } : {}),
    at: at.toISOString(),
  };
}
