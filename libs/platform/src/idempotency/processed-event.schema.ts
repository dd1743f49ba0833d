import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One handled envelope or webhook delivery, per consumer scope. `_id` is `<scope>:<id>`. */
@Schema({ collection: 'processed_events', versionKey: false, autoIndex: false })
export class ProcessedEvent {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  scope!: string;

  @Prop({ required: true })
  processedAt!: Date;

  @Prop({ required: true })
  expiresAt!: Date;
}

export const ProcessedEventSchema = SchemaFactory.createForClass(ProcessedEvent);
