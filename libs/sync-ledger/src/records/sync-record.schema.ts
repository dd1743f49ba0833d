import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SyncOutcome } from '@icims-sync/contracts';
import type { ConflictNote } from '@icims-sync/mapping';

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
  @Prop({ type: String, required: true }) outcome!: SyncOutcome;
  @Prop({ type: [String], default: [] }) changedFields!: string[];
  /** A reason code (`UNCHANGED`, `INVALID_PERSON`, ...). */
  @Prop() reason?: string;
  /** Field names and codes only, e.g. `ssn:INVALID_SSN`. */
  @Prop({ type: [String], default: [] }) details!: string[];
  /** Written or mapped anyway, but someone should know: `field:CODE`, never a value. */
  @Prop({ type: [String], default: [] }) warnings!: string[];
  /** Fields changed on both sides since the last sync: which side was kept, and both change times (never the values). */
  @Prop({ type: [Object], default: undefined }) conflicts?: ConflictNote[];
  @Prop({ required: true }) at!: Date;
  @Prop({ required: true }) expiresAt!: Date;
}

export const SyncRecordSchema = SchemaFactory.createForClass(SyncRecordDocument);
