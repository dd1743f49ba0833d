import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, Matches } from 'class-validator';
import { IsIntBetween } from './int-between.decorator';
import { IMPORT_MODES, ImportMode } from '../payloads/import-requested.payload';
import { SYNC_DIRECTIONS, SYNC_RUN_STATUSES, SyncDirection, SyncRunStatus } from '../payloads/sync-progress.payload';

export const SYNC_TRIGGERS = ['webhook', 'manual', 'scheduled', 'auto-export'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export const SYNC_OUTCOMES = ['added', 'updated', 'deleted', 'skipped', 'errored'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

/** `POST /admin/tenants/{id}/imports`: incremental unless `full` is asked for. */
export class StartImportDto {
  @IsOptional()
  @IsIn(IMPORT_MODES, { message: `mode must be one of ${IMPORT_MODES.join(', ')}` })
  mode?: ImportMode;

  /** Plan the whole run and write nothing to HR: the counters and each record's planned outcome. */
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

/** `POST /admin/tenants/{id}/exports`: every linked employee whose iCIMS values differ, PATCHed (or only planned). */
export class StartExportDto {
  @IsOptional()
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

/** `GET /admin/tenants/{id}/runs`: newest first, filtered, a page at a time. */
export class RunsQueryDto {
  @IsOptional() @IsIn(SYNC_DIRECTIONS, { message: `direction must be one of ${SYNC_DIRECTIONS.join(', ')}` })
  direction?: SyncDirection;

  @IsOptional() @IsIn(SYNC_TRIGGERS, { message: `trigger must be one of ${SYNC_TRIGGERS.join(', ')}` })
  trigger?: SyncTrigger;

  @IsOptional() @IsIn(SYNC_RUN_STATUSES, { message: `status must be one of ${SYNC_RUN_STATUSES.join(', ')}` })
  status?: SyncRunStatus;

  /** Runs started at or after this instant (ISO-8601). */
  @IsOptional() @IsDateString({}, { message: 'from must be an ISO-8601 date or datetime' })
  from?: string;

  /** Runs started before this instant (ISO-8601). */
  @IsOptional() @IsDateString({}, { message: 'to must be an ISO-8601 date or datetime' })
  to?: string;

  @IsOptional() @Type(() => Number) @IsIntBetween(1, 200)
  limit?: number;

  /** `nextCursor` of the previous page. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

/** `GET /admin/tenants/{id}/runs/{runId}/records`. */
export class RunRecordsQueryDto {
  @IsOptional() @IsIn(SYNC_OUTCOMES, { message: `outcome must be one of ${SYNC_OUTCOMES.join(', ')}` })
  outcome?: SyncOutcome;

  @IsOptional() @Type(() => Number) @IsIntBetween(1, 500)
  limit?: number;

  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}
