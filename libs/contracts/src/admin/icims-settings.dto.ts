import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

export const ICIMS_REGIONS = ['US', 'EU', 'CA'] as const;
export type IcimsRegion = (typeof ICIMS_REGIONS)[number];

/** How icims-sync calls iCIMS: OAuth2 client credentials (HR Cloud) or HMAC (Namely). */
export const OUTBOUND_METHODS = ['oauth2', 'hmac'] as const;
export type OutboundMethod = (typeof OUTBOUND_METHODS)[number];

/** How iCIMS authenticates the webhooks it sends us. */
export const INBOUND_METHODS = ['basic', 'hmac', 'oauth'] as const;
export type InboundMethod = (typeof INBOUND_METHODS)[number];

export const PROFILES = ['hrcloud', 'namely'] as const;
export type HrProfile = (typeof PROFILES)[number];

/** The fields each outbound method needs before Connect may run. */
export const REQUIRED_CREDENTIAL_FIELDS: Record<OutboundMethod, readonly ('customerId' | 'clientId' | 'clientSecret' | 'username' | 'hmacKey')[]> = {
  oauth2: ['customerId', 'clientId', 'clientSecret'],
  hmac: ['customerId', 'username', 'hmacKey'],
};

/** `PUT .../icims/consent`: the privacy-policy checkbox. */
export class ConsentDto {
  @Equals(true, { message: 'accepted must be true: the privacy policy has to be accepted to go on' })
  accepted!: boolean;
}

/**
 * `PUT .../icims/credentials`: the connection form. Fields may be saved one at a time;
 * a secret left out keeps the one already saved. Connect needs the form complete.
 */
export class IcimsCredentialsDto {
  @IsIn(OUTBOUND_METHODS, { message: 'method must be oauth2 or hmac' })
  method!: OutboundMethod;

  @IsOptional()
  @IsIn(ICIMS_REGIONS, { message: 'region must be US, EU or CA' })
  region?: IcimsRegion;

  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'customerId must be your iCIMS customer id (digits only)' })
  customerId?: string;

  @IsOptional()
  @IsString({ message: 'clientId must be text' })
  @Length(1, 200, { message: 'clientId must be 1 to 200 characters' })
  clientId?: string;

  @IsOptional()
  @IsString({ message: 'clientSecret must be text' })
  @Length(8, 500, { message: 'clientSecret must be 8 to 500 characters' })
  clientSecret?: string;

  @IsOptional()
  @IsString({ message: 'username must be text' })
  @Length(1, 200, { message: 'username must be 1 to 200 characters' })
  username?: string;

  @IsOptional()
  @IsString({ message: 'hmacKey must be text' })
  @Length(8, 500, { message: 'hmacKey must be 8 to 500 characters' })
  hmacKey?: string;

  /**
   * Required (true) to move a tenant that has connected to one iCIMS customer to another:
   * its employees stay linked to the old customer's people, and the next import would find
   * them gone (the import's mass-change guard holds such a run for confirmation too).
   */
  @IsOptional()
  @IsBoolean({ message: 'confirmCustomerIdChange must be true or false' })
  confirmCustomerIdChange?: boolean;
}

/** `PUT .../icims/owner`: one of the HR admins who have signed in. */
export class OwnerDto {
  @IsString({ message: 'userId must be text' })
  @Length(1, 200, { message: 'userId must be 1 to 200 characters' })
  userId!: string;
}

/** `PUT .../icims/toggles`: opt out of (or back in to) automatic import and export. */
export class TogglesDto {
  @IsOptional() @IsBoolean({ message: 'autoImport must be true or false' }) autoImport?: boolean;
  @IsOptional() @IsBoolean({ message: 'autoExport must be true or false' }) autoExport?: boolean;
}

/** `POST .../icims/inbound-auth`: generate how iCIMS authenticates to us. */
export class InboundAuthDto {
  @IsIn(INBOUND_METHODS, { message: 'method must be basic, hmac or oauth' })
  method!: InboundMethod;
}

/**
 * `PUT .../icims/field-ids`: where this tenant's iCIMS keeps each synced value (real sites
 * keep SSN, job code, department, location and the ADP associate id in `customfieldNNNN`).
 * Only the names given change; `null` puts one back to iCIMS's default.
 */
export class FieldIdsDto {
  @IsObject({ message: 'fieldIds must be an object of synced field name → iCIMS field id (or null for the default)' })
  fieldIds!: Record<string, string | null>;
}

/** `PUT .../icims/hired-statuses`: the iCIMS workflow status ids that mean "hired". */
export class HiredStatusesDto {
  @IsArray({ message: 'statusIds must be a list' })
  // An empty list would turn every hire into "ignored" without a word: to stop hires, switch automatic import off.
  @ArrayMinSize(1, { message: 'statusIds must name at least one status: with none, every hire would be ignored (to stop hires, switch automatic import off)' })
  @ArrayMaxSize(50, { message: 'statusIds may hold at most 50 ids' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true, message: 'each of statusIds must be an iCIMS status id such as C38353' })
  statusIds!: string[];
}
