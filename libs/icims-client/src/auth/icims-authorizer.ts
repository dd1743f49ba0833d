/** One outbound request to be authorised. */
export interface OutboundRequest {
  tenantId: string;
  method: string;
  /** Absolute URL. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The vault's answer for one request. Bearer headers name no URL or body, so they may be reused for the tenant's host a while. */
export interface OutboundAuthorization {
  headers: Record<string, string>;
  reusableForMs?: number;
}

/**
 * Gives the auth headers for one iCIMS request. The credentials-vault implements it so
 * secrets never leave the vault; `LocalIcimsAuthorizer` serves tests and the sandbox demo.
 */
export interface IcimsAuthorizer {
  authorize(request: OutboundRequest): Promise<Record<string, string>>;
  /** Drops a cached token after iCIMS refused it, so the next call fetches a new one. */
  invalidate?(tenantId: string): void;
}
