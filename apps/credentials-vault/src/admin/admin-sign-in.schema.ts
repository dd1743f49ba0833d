import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An HR admin who has used the settings page: the list an owner is chosen from. `_id` is `tenantId:userId`. */
@Schema({ collection: 'admin_sign_ins', versionKey: false, autoIndex: false })
export class AdminSignInDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) userId!: string;
  @Prop({ required: true }) displayName!: string;
  @Prop({ required: true }) lastSignInAt!: Date;
}

export const AdminSignInSchema = SchemaFactory.createForClass(AdminSignInDocument);
