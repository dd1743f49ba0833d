import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An HR employee (HR Cloud's fields), stored by the HR sandbox. */
@Schema({ collection: 'hr_employees', versionKey: false, autoIndex: false, timestamps: true })
export class EmployeeDocument {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  /** `tenantId:icimsId` while linked; absent otherwise, so the sparse unique index skips it. */
  @Prop() icimsLink?: string;
  @Prop() icimsId?: string;
  @Prop({ required: true }) firstName!: string;
  @Prop({ required: true }) lastName!: string;
  @Prop() accountEmail?: string;
  @Prop() personalEmail?: string;
  @Prop() startDate?: string;
  @Prop() separationDate?: string;
  @Prop() address1?: string;
  @Prop() address2?: string;
  @Prop() city?: string;
  @Prop() state?: string;
  @Prop() zipCode?: string;
  @Prop() country?: string;
  @Prop() positionCode?: string;
  @Prop() departmentCode?: string;
  @Prop() locationCode?: string;
  @Prop() managerId?: string;
  @Prop() ssn?: string;
  @Prop() dateOfBirth?: string;
  @Prop() employeeNumber?: string;
  @Prop({ enum: ['active', 'pending', 'inactive'] }) userStatus?: string;
  createdAt?: Date;
  updatedAt?: Date;
}

export const EmployeeSchema = SchemaFactory.createForClass(EmployeeDocument);
