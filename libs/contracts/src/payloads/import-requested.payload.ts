import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const IMPORT_MODES = ['full', 'incremental'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_TRIGGERS = ['manual', 'scheduled'] as const;
export type ImportTrigger = (typeof IMPORT_TRIGGERS)[number];

export class ImportRequestedPayload {
  @IsUUID()
  runId!: string;

  @IsIn(IMPORT_MODES)
  mode!: ImportMode;

  @IsIn(IMPORT_TRIGGERS)
  trigger!: ImportTrigger;

  /** The admin's user id for manual runs; absent for scheduled ones. */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  requestedBy?: string;
}
