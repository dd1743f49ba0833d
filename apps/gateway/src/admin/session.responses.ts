import { ApiProperty } from '@nestjs/swagger';

export class SessionResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
}

export class SignInOptionsResponse {
  @ApiProperty({ description: 'Whether the development sign-in (any HR sandbox user by id) is open. Off in production: the HR system hands admins their JWT.' })
  devSignIn!: boolean;
}

export class DevSignInResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds the token is valid for.' }) expiresIn!: number;
}

export class FieldMappingRowResponse {
  @ApiProperty({ example: 'Hire Date' }) icimsField!: string;
  @ApiProperty({ example: 'Start Date' }) hrField!: string;
  @ApiProperty({ required: false, example: 'hireDate', description: 'The name to set its iCIMS field id with (PUT .../field-ids); absent for the profile id.' }) fieldIdName?: string;
  @ApiProperty({ required: false, example: 'hiredate', description: "The iCIMS field id this tenant's sync reads or writes." }) fieldId?: string;
  @ApiProperty({ description: "Whether the field id is this tenant's own rather than the default." }) overridden!: boolean;
}

export class FieldMappingResponse {
  @ApiProperty({ type: [FieldMappingRowResponse], description: 'iCIMS → HR.' }) imports!: FieldMappingRowResponse[];
  @ApiProperty({ type: [FieldMappingRowResponse], description: 'HR → iCIMS.' }) exports!: FieldMappingRowResponse[];
}
