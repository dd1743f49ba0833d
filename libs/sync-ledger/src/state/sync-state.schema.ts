import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FieldStates } from '@icims-sync/mapping';

/** The last values synced for one linked person/employee, as hashes (never the values). */
export interface SyncedHash {
  hash: string;
  at: Date;
  runId: string;
}

/** Per (tenant, iCIMS person): what each direction last wrote. `_id` is `<tenantId>:<icimsId>`. */
@Schema({ collection: 'sync_state', versionKey: false, autoIndex: false })
export class SyncStateDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) icimsId!: string;
  @Prop() employeeId?: string;
  @Prop({ type: Object }) import?: SyncedHash;
  @Prop({ type: Object }) export?: SyncedHash;
  /** Per exported field: a keyed digest of the value last synced either way, its save time, and the direction (echo and conflict checks). */
  @Prop({ type: Object }) fields?: FieldStates;
}

export const SyncStateSchema = SchemaFactory.createForClass(SyncStateDocument);
