import { IsInt, IsUrl, Max, Min } from 'class-validator';
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

  /** Kept back from automatic work for manual imports. */
  @IsInt() @Min(0) @Max(1_000_000)
  ICIMS_MANUAL_RESERVE: number = 1_000;

  /** How long a tenant's settings from the vault (toggles, pause state) are reused. */
  @IsInt() @Min(0) @Max(600_000)
  SETTINGS_CACHE_MS: number = 30_000;
}
