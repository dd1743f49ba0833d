import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One import at a time per tenant: `_id` is the tenant id, held by the run until it ends. */
@Schema({ collection: 'import_locks', versionKey: false, autoIndex: false })
export class ImportLockDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) runId!: string;
  @Prop({ required: true }) lockedAt!: Date;
}

export const ImportLockSchema = SchemaFactory.createForClass(ImportLockDocument);
