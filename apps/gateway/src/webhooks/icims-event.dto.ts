import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ID = /^\d{1,20}$/;
const idMessage = (field: string) => ({ message: `${field} must be an iCIMS id (digits, as a string)` });

/**
 * An iCIMS Integration Event. Unknown fields are allowed: iCIMS may add fields at any time.
 * `personId` and `newStatus` are checked for WorkFlowStatusChangeEvent only.
 */
export class IcimsEventDto {
  @IsString() @MaxLength(100) eventType!: string;
  @Matches(ID, idMessage('customerId')) customerId!: string;
  @IsOptional() @Matches(ID, idMessage('personId')) personId?: string;
  @IsOptional() @Matches(ID, idMessage('jobId')) jobId?: string;
  @IsOptional() @Matches(ID, idMessage('systemId')) systemId?: string;
  @IsOptional() @Matches(ID, idMessage('userId')) userId?: string;
  @IsOptional() @IsString() @MaxLength(64) newStatus?: string;
  @IsOptional() @IsString() @MaxLength(64) oldStatus?: string;
}

export const HIRE_EVENT_TYPE = 'WorkFlowStatusChangeEvent';
