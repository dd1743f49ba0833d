import { IsInt, IsString, Max, Min } from 'class-validator';
import { DEFAULT_IMPORT_CRON, DEFAULT_IMPORT_TIME_ZONE, IsImportCron, IsImportTimeZone } from '@icims-sync/platform';
import { VaultCallerConfig } from '@icims-sync/vault-client';

/** Environment of scheduler; every variable is documented in the README's config reference. */
export class SchedulerConfig extends VaultCallerConfig {
  override PORT = 3004;

  /** When the automatic import runs, in IMPORT_TIME_ZONE (the first seed: 12 AM Pacific). */
  @IsString() @IsImportCron()
  IMPORT_CRON: string = DEFAULT_IMPORT_CRON;

  /** DST-correct: midnight stays local midnight in summer and winter. */
  @IsString() @IsImportTimeZone()
  IMPORT_TIME_ZONE: string = DEFAULT_IMPORT_TIME_ZONE;

  /** A leader that stops renewing loses the lease after this; a standby takes over. */
  @IsInt() @Min(3_000) @Max(600_000)
  LEASE_TTL_MS: number = 30_000;

  /** How long sync runs are kept; the same value as icims-ingest's. */
  @IsInt() @Min(1) @Max(3650)
  AUDIT_RETENTION_DAYS: number = 400;

  /** How long a queued import holds its tenant before it counts as abandoned (a requester that died before handing it over). */
  @IsInt() @Min(1_000) @Max(3_600_000)
  IMPORT_QUEUED_LEASE_MS: number = 120_000;

  /** How often the leader looks for imports whose lease lapsed, to fail them and free their tenant. */
  @IsInt() @Min(100) @Max(600_000)
  ABANDONED_IMPORT_SWEEP_MS: number = 15_000;
}
