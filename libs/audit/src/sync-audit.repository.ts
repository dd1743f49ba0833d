import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { Page, RunRecordsQueryDto, RunsQueryDto, SyncDirection, SyncRecordView, SyncRunStatus, SyncRunView, SyncTrigger } from '@icims-sync/contracts';
import { GroupedBulkWrite, RetentionService } from '@icims-sync/platform';
import { decodeCursor, encodeCursor } from './cursor.util';
import { Counters, SyncRecordDocument, SyncRunDocument, ZERO_COUNTERS } from './sync-run.schema';

export const AUDIT_RETENTION_DAYS = Symbol('AUDIT_RETENTION_DAYS');
const DAY_MS = 86_400_000;
const DEFAULT_PAGE = 50;

export interface RecordOutcome {
  icimsId?: string;
  employeeId?: string;
  outcome: SyncRecordDocument['outcome'];
  changedFields?: string[];
  reason?: string;
  details?: string[];
}

/** The audit log: `sync_runs` and `sync_records`. Writes are idempotent, so a redelivered message audits once. */
@Injectable()
export class SyncAuditRepository implements OnModuleInit {
  /** Hires arriving together share one command per collection. */
  private readonly singleRuns: GroupedBulkWrite<SyncRunDocument>;
  private readonly singleRecords: GroupedBulkWrite<SyncRecordDocument>;

  constructor(
    @InjectModel(SyncRunDocument.name) private readonly runs: Model<SyncRunDocument>,
    @InjectModel(SyncRecordDocument.name) private readonly records: Model<SyncRecordDocument>,
    private readonly retention: RetentionService,
    @Inject(AUDIT_RETENTION_DAYS) private readonly retentionDays: number,
  ) {
    this.singleRuns = new GroupedBulkWrite(runs);
    this.singleRecords = new GroupedBulkWrite(records);
  }

  async onModuleInit(): Promise<void> {
    // Query served: a tenant's run history, newest first (filters on direction, trigger, status), and the last successful import.
    await this.runs.collection.createIndex({ tenantId: 1, startedAt: -1, _id: -1 }, { name: 'tenant_started_id' });
    // Query served: a run's records in id order (paging, resume), optionally by outcome.
    await this.records.collection.createIndex({ runId: 1, _id: 1 }, { name: 'run_id' });
    // Query served: the history of one person or employee within a tenant.
    await this.records.collection.createIndex({ tenantId: 1, icimsId: 1 }, { name: 'tenant_icims' });
    await this.retention.expireBy(this.runs, 'expiresAt');
    await this.retention.expireBy(this.records, 'expiresAt');
  }

  /** A run of one record, written whole: a webhook hire. */
  async recordSingleRun(run: { runId: string; tenantId: string; direction: SyncDirection; trigger: SyncTrigger; startedAt: Date }, record: RecordOutcome): Promise<void> {
    const now = new Date();
    const counters: Counters = { ...ZERO_COUNTERS, [record.outcome]: 1, total: 1 };
    const status: SyncRunStatus = record.outcome === 'errored' ? 'failed' : 'succeeded';
    // Insert-if-absent: a redelivered hire writes the same ids again and the first write stands.
    await Promise.all([
      this.singleRecords.insertIfAbsent({ _id: recordIdOf(run.runId, record), ...this.recordFields(run.runId, run.tenantId, record, now) }),
      this.singleRuns.insertIfAbsent({
        _id: run.runId,
        tenantId: run.tenantId,
        direction: run.direction,
        trigger: run.trigger,
        startedAt: run.startedAt,
        status,
        finishedAt: now,
        counters,
        expiresAt: this.expiry(now),
      }),
    ]);
  }

  async findRun(runId: string): Promise<SyncRunDocument | null> {
    return this.runs.findById(runId).lean<SyncRunDocument>();
  }

  async recordsOf(runId: string): Promise<SyncRecordDocument[]> {
    return this.records.find({ runId }).sort({ _id: 1 }).lean<SyncRecordDocument[]>();
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
    const filter: FilterQuery<SyncRecordDocument> = { runId };
    if (query.outcome) filter.outcome = query.outcome;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after) filter._id = { $gt: after.id };
    const limit = query.limit ?? DEFAULT_PAGE;
    const documents = await this.records.find(filter).sort({ _id: 1 }).limit(limit).lean<SyncRecordDocument[]>();
    const last = documents.at(-1);
    return { items: documents.map(toRecordView), nextCursor: documents.length === limit && last ? encodeCursor({ at: '', id: last._id }) : undefined };
  }

  /** The fields of a new record document; none is undefined, which a lean insert would store as null. */
  recordFields(runId: string, tenantId: string, record: RecordOutcome, now: Date): Omit<SyncRecordDocument, '_id'> {
    const { icimsId, employeeId, outcome, changedFields, reason, details } = record;
    return {
      runId,
      tenantId,
      ...(icimsId ? { icimsId } : {}),
      ...(employeeId ? { employeeId } : {}),
      outcome,
      changedFields: changedFields ?? [],
      ...(reason ? { reason } : {}),
      details: details ?? [],
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
  };
}

function toRecordView(record: SyncRecordDocument): SyncRecordView {
  const { icimsId, employeeId, outcome, changedFields, reason, details, at } = record;
  return { icimsId, employeeId, outcome, changedFields, reason, details, at: at.toISOString() };
}
