// class-transformer's @Type reads design metadata.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';

export const SYNC_DIRECTIONS = ['import', 'export'] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];

/** `needs_confirmation`: held by the mass-change guard before writing; an HR admin's confirmation resumes it. */
export const SYNC_RUN_STATUSES = ['queued', 'running', 'needs_confirmation', 'succeeded', 'failed'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

/** The first seed's import window counters, in its order. */
export class SyncCounters {
  @IsInt() @Min(0) added!: number;
  @IsInt() @Min(0) updated!: number;
  @IsInt() @Min(0) deleted!: number;
  @IsInt() @Min(0) skipped!: number;
  @IsInt() @Min(0) errored!: number;
  @IsInt() @Min(0) total!: number;
}

export class SyncProgressPayload {
  @IsUUID()
  runId!: string;

  @IsIn(SYNC_DIRECTIONS)
  direction!: SyncDirection;

  @IsIn(SYNC_RUN_STATUSES)
  status!: SyncRunStatus;

  @ValidateNested()
  @Type(() => SyncCounters)
  counters!: SyncCounters;

  /** The reason code of a failed run. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  errorCode?: string;
}
