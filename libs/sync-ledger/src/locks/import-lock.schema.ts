import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One import at a time per tenant: `_id` is the tenant id, held by the run until it ends.
 * The hold is a lease: queued runs get time to be picked up, a running one renews it, and a
 * lapsed lease means nobody is working on the run any more.
 */
@Schema({ collection: 'import_locks', versionKey: false, autoIndex: false })
export class ImportLockDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) runId!: string;
  @Prop({ required: true }) lockedAt!: Date;
  @Prop({ required: true }) leaseUntil!: Date;
}

export const ImportLockSchema = SchemaFactory.createForClass(ImportLockDocument);
