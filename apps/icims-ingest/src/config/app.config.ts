import { IsInt, IsUrl, Max, Min, MinLength } from 'class-validator';
import { Secret } from '@icims-sync/platform';
import { VaultCallerConfig } from '@icims-sync/vault-client';

/** Environment of icims-ingest; every variable is documented in the README. */
export class IcimsIngestConfig extends VaultCallerConfig {
  override PORT = 3002;

  /** The HR system's employees API (tenants under /tenants/{id}). */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'HR_API_URL must be an http(s) URL' })
  HR_API_URL!: string;

  /** iCIMS requests per tenant and UTC day (the licence's budget). */
  @IsInt() @Min(1)
  ICIMS_DAILY_BUDGET: number = 10_000;

  /** How long sync runs and their records are kept. */
  @IsInt() @Min(1) @Max(3650)
  AUDIT_RETENTION_DAYS: number = 400;

  /** How long a queued import holds its tenant before it counts as abandoned (a requester that died before handing it over). */
  @IsInt() @Min(1_000) @Max(3_600_000)
  IMPORT_QUEUED_LEASE_MS: number = 120_000;

  /** A running import's lease, renewed at a third of it: a worker silent this long has its run failed as abandoned. */
  @IsInt() @Min(1_000) @Max(3_600_000)
  IMPORT_RUNNING_LEASE_MS: number = 60_000;

  /** Kept back from automatic work for manual imports. */
  @IsInt() @Min(0) @Max(1_000_000)
  ICIMS_MANUAL_RESERVE: number = 1_000;

  /** An import that would deactivate more than this share of a tenant's linked employees waits for an HR admin's confirmation. */
  @IsInt() @Min(0) @Max(100)
  MASS_CHANGE_MAX_PERCENT: number = 5;

  /** Deactivating up to this many employees never needs confirming, whatever the share (small tenants). */
  @IsInt() @Min(0) @Max(1_000_000)
  MASS_CHANGE_FLOOR: number = 10;

  /**
   * Keys the digests of synced values in `sync_state` (HMAC-SHA256), so a copy of the
   * database alone cannot be searched for SSNs or birth dates. Kept out of the database;
   * changing it only makes the next comparison of each person miss once.
   */
  @Secret()
  @MinLength(32, { message: 'SYNC_STATE_HASH_KEY must be at least 32 characters' })
  SYNC_STATE_HASH_KEY!: string;

  /** How long a tenant's settings from the vault (toggles, pause state) are reused. */
  @IsInt() @Min(0) @Max(600_000)
  SETTINGS_CACHE_MS: number = 30_000;
}
