import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SyncDirection, SyncRunStatus } from '@icims-sync/contracts';
import { RetentionService } from '@icims-sync/platform';
import { Counters, SyncRecordDocument, SyncRunDocument, SyncTrigger, ZERO_COUNTERS } from './sync-run.schema';

export const AUDIT_RETENTION_DAYS = Symbol('AUDIT_RETENTION_DAYS');

const DAY_MS = 86_400_000;

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
  constructor(
    @InjectModel(SyncRunDocument.name) private readonly runs: Model<SyncRunDocument>,
    @InjectModel(SyncRecordDocument.name) private readonly records: Model<SyncRecordDocument>,
    private readonly retention: RetentionService,
    @Inject(AUDIT_RETENTION_DAYS) private readonly retentionDays: number,
  ) {}

  async onModuleInit(): Promise<void> {
    // Query served: a tenant's run history, newest first (filters on direction, trigger, status).
    await this.runs.collection.createIndex({ tenantId: 1, startedAt: -1 }, { name: 'tenant_started' });
    // Query served: a run's records in order.
    await this.records.collection.createIndex({ runId: 1, at: 1 }, { name: 'run_at' });
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
    await this.upsertRecord(run.runId, run.tenantId, record, now);
    await this.runs.updateOne(
      { _id: run.runId },
      { $setOnInsert: { tenantId: run.tenantId, direction: run.direction, trigger: run.trigger, startedAt: run.startedAt, status, finishedAt: now, counters, expiresAt: this.expiry(now) } },
      { upsert: true },
    );
  }

  async findRun(runId: string): Promise<SyncRunDocument | null> {
    return this.runs.findById(runId).lean<SyncRunDocument>();
  }

  async recordsOf(runId: string): Promise<SyncRecordDocument[]> {
    return this.records.find({ runId }).sort({ at: 1 }).lean<SyncRecordDocument[]>();
  }

  private async upsertRecord(runId: string, tenantId: string, record: RecordOutcome, now: Date): Promise<void> {
    const id = `${runId}:${record.icimsId ?? record.employeeId}`;
    await this.records.updateOne(
      { _id: id },
      {
        $setOnInsert: {
          runId,
          tenantId,
          icimsId: record.icimsId,
          employeeId: record.employeeId,
          outcome: record.outcome,
          changedFields: record.changedFields ?? [],
          reason: record.reason,
          details: record.details ?? [],
          at: now,
          expiresAt: this.expiry(now),
        },
      },
      { upsert: true },
    );
  }

  private expiry(from: Date): Date {
    return new Date(from.getTime() + this.retentionDays * DAY_MS);
  }
}
