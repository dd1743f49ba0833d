import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SyncDirection, SyncRunStatus } from '@icims-sync/contracts';

export const SYNC_TRIGGERS = ['webhook', 'manual', 'scheduled', 'auto-export'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export interface Counters {
  added: number;
  updated: number;
  deleted: number;
  skipped: number;
  errored: number;
  total: number;
}

export const ZERO_COUNTERS: Counters = { added: 0, updated: 0, deleted: 0, skipped: 0, errored: 0, total: 0 };

/** One sync run (an import, an export, or a single webhook hire). `_id` is the run id. */
@Schema({ collection: 'sync_runs', versionKey: false, autoIndex: false })
export class SyncRunDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ type: String, required: true }) direction!: SyncDirection;
  @Prop({ type: String, required: true }) trigger!: SyncTrigger;
  @Prop({ type: String, required: true }) status!: SyncRunStatus;
  @Prop({ required: true }) startedAt!: Date;
  @Prop() finishedAt?: Date;
  @Prop({ type: Object, required: true }) counters!: Counters;
  @Prop() requestedBy?: string;
  @Prop({ required: true }) expiresAt!: Date;
}

export const SyncRunSchema = SchemaFactory.createForClass(SyncRunDocument);

/**
 * One record's outcome in a run: ids, outcome, changed field names and a reason code.
 * Never a PII value. `_id` is `<runId>:<icimsId or employeeId>`.
 */
@Schema({ collection: 'sync_records', versionKey: false, autoIndex: false })
export class SyncRecordDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) runId!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop() icimsId?: string;
  @Prop() employeeId?: string;
  @Prop({ type: String, required: true }) outcome!: 'added' | 'updated' | 'deleted' | 'skipped' | 'errored';
  @Prop({ type: [String], default: [] }) changedFields!: string[];
  /** A reason code (`UNCHANGED`, `INVALID_PERSON`, ...). */
  @Prop() reason?: string;
  /** Field names and codes only, e.g. `ssn:INVALID_SSN`. */
  @Prop({ type: [String], default: [] }) details!: string[];
  @Prop({ required: true }) at!: Date;
  @Prop({ required: true }) expiresAt!: Date;
}

export const SyncRecordSchema = SchemaFactory.createForClass(SyncRecordDocument);
