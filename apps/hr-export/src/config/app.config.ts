import { IsInt, IsUrl, Max, Min, MinLength } from 'class-validator';
import { Secret } from '@icims-sync/platform';
import { VaultCallerConfig } from '@icims-sync/vault-client';

/** Environment of hr-export; every variable is documented in the README's config reference. */
export class HrExportConfig extends VaultCallerConfig {
  override PORT = 3003;

  /**
   * An iCIMS outage is waited out rather than dead-lettered: with backoff up to
   * KAFKA_RETRY_MAX_MS, 40 retries hold a save for about five minutes.
   */
  override KAFKA_HANDLER_RETRIES = 40;

  /** The HR system's employees API: where a conflict that iCIMS won is written back. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'HR_API_URL must be an http(s) URL' })
  HR_API_URL!: string;

  /** iCIMS requests per tenant and UTC day, shared with icims-ingest through the store. */
  @IsInt() @Min(1)
  ICIMS_DAILY_BUDGET: number = 10_000;

  /** Kept back from automatic work (exports are automatic) for manual imports. */
  @IsInt() @Min(0) @Max(1_000_000)
  ICIMS_MANUAL_RESERVE: number = 1_000;

  /** How long export runs and their records are kept. */
  @IsInt() @Min(1) @Max(3650)
  AUDIT_RETENTION_DAYS: number = 400;

  /** The same key as icims-ingest's: both directions compare digests in `sync_state`. */
  @Secret()
  @MinLength(32, { message: 'SYNC_STATE_HASH_KEY must be at least 32 characters' })
  SYNC_STATE_HASH_KEY!: string;

  /** How long a tenant's settings from the vault (toggles, pause state) are reused. */
  @IsInt() @Min(0) @Max(600_000)
  SETTINGS_CACHE_MS: number = 30_000;

  /** How long a queued export backfill holds its tenant before it counts as abandoned (as for imports). */
  @IsInt() @Min(1_000) @Max(3_600_000)
  IMPORT_QUEUED_LEASE_MS: number = 120_000;

  /** A running export backfill's lease, renewed at a third of it (as for imports). */
  @IsInt() @Min(1_000) @Max(3_600_000)
  IMPORT_RUNNING_LEASE_MS: number = 60_000;

  /** The coalescing window: saves of one employee within it become at most EXPORT_MAX_PATCHES_PER_WINDOW PATCHes, the last with the last values. */
  @IsInt() @Min(1) @Max(3_600)
  EXPORT_WINDOW_SECONDS: number = 1;

  /** PATCHes one employee may cause per window; later saves wait for the next window and go as one. */
  @IsInt() @Min(1) @Max(1_000)
  EXPORT_MAX_PATCHES_PER_WINDOW: number = 2;

  /** An export backfill that would overwrite more than this share of a tenant's linked employees in iCIMS waits for an HR admin's confirmation. */
  @IsInt() @Min(0) @Max(100)
  MASS_CHANGE_MAX_PERCENT: number = 5;

  /** Overwriting up to this many people never needs confirming, whatever the share (small tenants). */
  @IsInt() @Min(0) @Max(1_000_000)
  MASS_CHANGE_FLOOR: number = 10;
}
