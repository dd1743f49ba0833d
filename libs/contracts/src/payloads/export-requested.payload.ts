import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const EXPORT_TRIGGERS = ['manual'] as const;
export type ExportTrigger = (typeof EXPORT_TRIGGERS)[number];

/**
 * An export backfill to run (or resume): every linked employee whose iCIMS values differ.
 * Whether it is a dry run is on the run itself.
 */
export class ExportRequestedPayload {
  @IsUUID()
  runId!: string;

  @IsIn(EXPORT_TRIGGERS)
  trigger!: ExportTrigger;

  /** The admin's user id. */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  requestedBy?: string;
}
