import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const HR_ROLES = ['HR_ADMIN', 'EMPLOYEE'] as const;
export type HrRole = (typeof HR_ROLES)[number];

/** A person who can sign in to the HR system. `_id` is `tenantId:userId`. */
@Schema({ collection: 'hr_users', versionKey: false, autoIndex: false })
export class UserDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) userId!: string;
  @Prop({ required: true }) displayName!: string;
  @Prop({ type: [String], required: true }) roles!: HrRole[];
  @Prop({ required: true }) active!: boolean;
}

export const UserSchema = SchemaFactory.createForClass(UserDocument);

@Schema({ collection: 'hr_custom_fields', versionKey: false, autoIndex: false })
export class CustomFieldDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) label!: string;
  @Prop({ required: true }) type!: string;
}

export const CustomFieldSchema = SchemaFactory.createForClass(CustomFieldDocument);
