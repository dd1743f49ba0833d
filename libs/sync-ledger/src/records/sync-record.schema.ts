import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SyncOutcome } from '@icims-sync/contracts';

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
  @Prop({ required: true }) at!: Date;
  @Prop({ required: true }) expiresAt!: Date;
}

export const SyncRecordSchema = SchemaFactory.createForClass(SyncRecordDocument);
