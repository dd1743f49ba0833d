import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A leader lease: `_id` names the job; whoever holds an unexpired lease leads it. */
@Schema({ collection: 'leases', versionKey: false, autoIndex: false })
export class LeaseDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) holder!: string;
  @Prop({ required: true }) expiresAt!: Date;
  /** The last local day the leader's job ran for (yyyy-mm-dd in the job's time zone). */
  @Prop() lastDay?: string;
}

export const LeaseSchema = SchemaFactory.createForClass(LeaseDocument);
