import { HrProfile } from './admin/icims-settings.dto';

/**
 * credentials-vault's internal HTTP API, as its callers (gateway, icims-ingest, scheduler,
 * hr-export) and the vault itself see it. Every call carries the service token.
 */
export const SERVICE_TOKEN_HEADER = 'x-service-token';

export const VaultInternalPath = {
  /** GET: `TenantSettings`, 404 when the vault has no connection for the tenant. */
  tenantSettings: (tenantId: string) => `/internal/tenants/${encodeURIComponent(tenantId)}/settings`,
  /** GET: `TenantList` of the tenants whose automatic import may run now. */
  automaticImportTenants: '/internal/tenants/automatic-import',
  /** POST `IcimsAuthorizeRequest`: `OutboundAuthorization`. */
  icimsAuthorize: '/internal/icims/authorize',
  /** POST `{tenantId}`: drop the tenant's cached iCIMS token (204). */
  icimsInvalidate: '/internal/icims/invalidate',
  /** POST: `InboundVerdict` for a webhook's Authorization header. */
  inboundVerify: '/internal/inbound/verify',
  /** POST `{clientId, clientSecret}`: an inbound bearer token for iCIMS. */
  inboundToken: '/internal/inbound/token',
} as const;

/** One outbound iCIMS request to sign; the body travels as its SHA-256 only. */
export interface IcimsAuthorizeRequest {
  tenantId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  bodySha256: string;
}

/** The vault's answer for one request. Bearer headers name no URL or body, so they may be reused for the tenant's host a while. */
export interface OutboundAuthorization {
  headers: Record<string, string>;
  reusableForMs?: number;
}

/** Whom a webhook is from: the vault's answer to `POST /internal/inbound/verify`. */
export interface InboundTenant {
  tenantId: string;
  profile: HrProfile;
  hiredStatusIds: string[];
}

export interface InboundVerdict extends InboundTenant {
  /**
   * How long the caller may accept the same Authorization header again without asking:
   * Basic stays valid until changed, a bearer token until it expires, and an HMAC
   * signature covers one body only (absent).
   */
  reusableForMs?: number;
}
