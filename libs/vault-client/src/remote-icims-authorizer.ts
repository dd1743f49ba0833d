import { IcimsAuthorizeRequest, OutboundAuthorization, VaultInternalPath } from '@icims-sync/contracts';
import { IcimsAuthError, IcimsAuthorizer, IcimsUnavailable, OutboundRequest, sha256Hex } from '@icims-sync/icims-client';
import { DependencyUnavailableException } from '@icims-sync/platform';
import { VaultInternalClient } from './vault-internal.client';

/** Bounds how long a disabled tenant or a revoked token goes on being used. */
const MAX_REUSE_MS = 60_000;

interface ReusableHeaders {
  headers: Record<string, string>;
  until: number;
}

/**
 * Asks credentials-vault for the auth headers of each request: secrets stay in the vault.
 * A bearer token the vault marks reusable is kept per tenant and host for up to a minute,
 * which saves a vault round trip on almost every OAuth request.
 */
export class RemoteIcimsAuthorizer implements IcimsAuthorizer {
  private readonly reusable = new Map<string, ReusableHeaders>();

  constructor(private readonly vault: VaultInternalClient) {}

  async authorize(outbound: OutboundRequest): Promise<Record<string, string>> {
    const key = `${outbound.tenantId} ${new URL(outbound.url).origin}`;
    const kept = this.reusable.get(key);
    if (kept && kept.until > Date.now()) return kept.headers;
    const body: IcimsAuthorizeRequest = { tenantId: outbound.tenantId, method: outbound.method, url: outbound.url, headers: outbound.headers, bodySha256: sha256Hex(outbound.body) };
    const { status, json } = await this.call(() => this.vault.post(VaultInternalPath.icimsAuthorize, body));
    if (status === 200) {
      const authorization = json as OutboundAuthorization;
      if (authorization.reusableForMs) this.reusable.set(key, { headers: authorization.headers, until: Date.now() + Math.min(authorization.reusableForMs, MAX_REUSE_MS) });
      return authorization.headers;
    }
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (status === 401 || status === 404 || status === 409) throw new IcimsAuthError(error?.message ?? `the vault refused to sign (${status})`);
    throw new IcimsUnavailable(`the vault answered ${status}${error?.code ? ` ${error.code}` : ''}`);
  }

  invalidate(tenantId: string): void {
    for (const key of this.reusable.keys()) if (key.startsWith(`${tenantId} `)) this.reusable.delete(key);
    void this.vault.post(VaultInternalPath.icimsInvalidate, { tenantId }).catch(() => undefined);
  }

  /** An unreachable vault is, for the iCIMS client, one more reason iCIMS is unavailable (retryable). */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof DependencyUnavailableException) throw new IcimsUnavailable(`the vault is unreachable (${error.reason})`);
      throw error;
    }
  }
}
