import { IsBase64, IsIn, IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { TENANT_ID_PATTERN } from '@icims-sync/contracts';

export class AuthorizeRequestDto {
  @Matches(TENANT_ID_PATTERN, { message: 'tenantId must be lowercase letters, digits and dashes' }) tenantId!: string;
  @IsIn(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) method!: string;
  @IsUrl({ require_tld: false, require_protocol: true }) url!: string;
  @IsOptional() @IsObject() headers?: Record<string, string>;
  @Matches(/^[0-9a-f]{64}$/, { message: 'bodySha256 must be a hex SHA-256' }) bodySha256!: string;
}

export class TenantRefDto {
  @Matches(TENANT_ID_PATTERN, { message: 'tenantId must be lowercase letters, digits and dashes' }) tenantId!: string;
}

export class VerifyInboundDto {
  @Matches(/^\d{1,20}$/, { message: 'customerId must be an iCIMS customer id (digits)' }) customerId!: string;
  @IsIn(['POST']) method!: string;
  @IsString() @MaxLength(2048) pathAndQuery!: string;
  @IsObject() headers!: Record<string, string>;
  /** The body exactly as received (possibly gzip), base64: HMAC signs these bytes. */
  @IsBase64() @MaxLength(8 * 1024 * 1024) body!: string;
}

export class InboundTokenDto {
  @IsString() @MaxLength(200) clientId!: string;
  @IsString() @MaxLength(200) clientSecret!: string;
}
