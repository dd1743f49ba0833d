import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Who changed which iCIMS setting, and when. Secret settings are recorded as "(changed)", never by value. */
@Schema({ collection: 'config_changes', versionKey: false, autoIndex: false })
export class ConfigChangeDocument {
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) at!: Date;
  @Prop({ type: Object, required: true }) actor!: { userId: string; displayName: string };
  @Prop({ required: true }) action!: string;
  @Prop({ type: Object, required: true }) changes!: Record<string, unknown>;
}

export const ConfigChangeSchema = SchemaFactory.createForClass(ConfigChangeDocument);
