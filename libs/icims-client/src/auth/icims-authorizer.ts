/** One outbound request to be authorised. */
export interface OutboundRequest {
  tenantId: string;
  method: string;
  /** Absolute URL. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Gives the auth headers for one iCIMS request. `RemoteIcimsAuthorizer` (libs/vault-client)
 * asks the vault, so secrets never leave it; `LocalIcimsAuthorizer` serves tests and the sandbox demo.
 */
export interface IcimsAuthorizer {
  authorize(request: OutboundRequest): Promise<Record<string, string>>;
  /** Drops a cached token after iCIMS refused it, so the next call fetches a new one. */
  invalidate?(tenantId: string): void;
}
