import path from 'node:path';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { VaultCallerConfig } from '@icims-sync/vault-client';
import { DEFAULT_IMPORT_CRON, DEFAULT_IMPORT_TIME_ZONE, IsImportCron, IsImportTimeZone, Secret } from '@icims-sync/platform';

/** Where `npm run build` puts the admin page, beside this app's own output. */
const DEFAULT_ADMIN_UI_DIR = path.resolve(__dirname, '../../../admin-web/dist');

/** Environment of the gateway; every variable is documented in the README. */
export class GatewayConfig extends VaultCallerConfig {
  override PORT = 3000;

  /** Largest webhook body after gzip is undone; larger (or a gzip bomb) is a 413. */
  @IsInt() @Min(1024) @Max(10 * 1024 * 1024)
  WEBHOOK_MAX_BYTES: number = 256 * 1024;

  /** The HR system's users API: admins must be active HR_ADMIN users there, checked on every call. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'HR_API_URL must be an http(s) URL' })
  HR_API_URL!: string;

  /** Admin JWTs must carry this `iss`. */
  @IsString() @MinLength(1)
  ADMIN_JWT_ISSUER!: string;

  /** Admin JWTs must carry this `aud`. */
  @IsString() @MinLength(1)
  ADMIN_JWT_AUDIENCE!: string;

  /**
   * How long an accepted Basic or bearer Authorization header is accepted again without
   * asking the vault; also how long a changed or revoked credential may still pass. 0 asks
   * every time. HMAC signatures are never reused.
   */
  @IsInt() @Min(0) @Max(60_000)
  INBOUND_AUTH_CACHE_MS: number = 5_000;

  /** Admin API requests per minute and client IP; more get 429. */
  @IsInt() @Min(1) @Max(100_000)
  ADMIN_RATE_LIMIT_PER_MINUTE: number = 300;

  /** Webhook and token requests per minute and client address (iCIMS sends from few addresses: keep it high). */
  @IsInt() @Min(1) @Max(1_000_000)
  PUBLIC_RATE_LIMIT_PER_MINUTE: number = 6_000;

  /** Webhook calls per minute naming one iCIMS customer id, and token requests per OAuth client id, from any address. */
  @IsInt() @Min(1) @Max(1_000_000)
  PUBLIC_RATE_LIMIT_PER_SENDER_PER_MINUTE: number = 3_000;

  /** How long sync runs (and their records) are kept; the same value as icims-ingest's. */
  @IsInt() @Min(1) @Max(3650)
  AUDIT_RETENTION_DAYS: number = 400;

  /** How long a queued import holds its tenant before it counts as abandoned (a requester that died before handing it over). */
  @IsInt() @Min(1_000) @Max(3_600_000)
  IMPORT_QUEUED_LEASE_MS: number = 120_000;

  /** The scheduler's IMPORT_CRON, so the admin page can say when the next automatic import runs (the chart sets both from one value). */
  @IsString() @IsImportCron()
  IMPORT_CRON: string = DEFAULT_IMPORT_CRON;

  /** The scheduler's IMPORT_TIME_ZONE. */
  @IsString() @IsImportTimeZone()
  IMPORT_TIME_ZONE: string = DEFAULT_IMPORT_TIME_ZONE;

  /** icims-ingest's and hr-export's ICIMS_DAILY_BUDGET and ICIMS_MANUAL_RESERVE, for the budget meter. */
  @IsInt() @Min(1)
  ICIMS_DAILY_BUDGET: number = 10_000;

  @IsInt() @Min(0) @Max(1_000_000)
  ICIMS_MANUAL_RESERVE: number = 1_000;

  /**
   * `on` lets the admin page sign in as any user of the HR sandbox by tenant and user id (its
   * token endpoint at HR_API_URL). Development only: production admins arrive with the HR
   * system's JWT.
   */
  @IsIn(['on', 'off'], { message: 'ADMIN_DEV_SIGN_IN must be on or off' })
  ADMIN_DEV_SIGN_IN: 'on' | 'off' = 'off';

  /** The built admin page (Vite's output) the gateway serves at /ui/. */
  @IsString() @MinLength(1)
  ADMIN_UI_DIR: string = DEFAULT_ADMIN_UI_DIR;

  /** HS256 key shared with the HR system. Give this or ADMIN_JWKS_URL. */
  @Secret()
  @IsOptional()
  @MinLength(32, { message: 'ADMIN_JWT_SECRET must be at least 32 characters' })
  ADMIN_JWT_SECRET?: string;

  /** The HR system's JSON Web Key Set, for asymmetric (RS256/ES256) tokens. Give this or ADMIN_JWT_SECRET. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'ADMIN_JWKS_URL must be an http(s) URL' })
  ADMIN_JWKS_URL?: string;
}

/** Exactly one way to verify admin tokens. */
export function adminKeyProblems(config: GatewayConfig): string[] {
  if (!config.ADMIN_JWT_SECRET === !config.ADMIN_JWKS_URL) return ['ADMIN_JWT_SECRET or ADMIN_JWKS_URL: give exactly one of them'];
  return [];
}
