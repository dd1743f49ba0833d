import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** iCIMS ids are decimal strings (see ICIMS_API_NOTES: "Ids are strings"). */
const ICIMS_ID = /^\d{1,20}$/;

/** A candidate moved into a status the tenant marked as "hired". */
export class CandidateHiredPayload {
  @Matches(ICIMS_ID, { message: 'customerId must be an iCIMS id (digits)' })
  customerId!: string;

  @Matches(ICIMS_ID, { message: 'personId must be an iCIMS id (digits)' })
  personId!: string;

  @IsOptional()
  @Matches(ICIMS_ID, { message: 'jobId must be an iCIMS id (digits)' })
  jobId?: string;

  @IsString()
  @MaxLength(64)
  newStatus!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  oldStatus?: string;
}
