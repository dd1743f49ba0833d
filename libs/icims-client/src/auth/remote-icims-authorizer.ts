import { DependencyUnavailableException } from '@icims-sync/platform';
import { IcimsAuthError, IcimsUnavailable } from '../icims.errors';
import { VaultInternalClient } from '../vault/vault-internal.client';
import { sha256Hex } from './hmac-signature';
import { IcimsAuthorizer, OutboundRequest } from './icims-authorizer';

/** Asks credentials-vault for the auth headers of each request: secrets stay in the vault. */
export class RemoteIcimsAuthorizer implements IcimsAuthorizer {
  constructor(private readonly vault: VaultInternalClient) {}

  async authorize(outbound: OutboundRequest): Promise<Record<string, string>> {
    const body = { tenantId: outbound.tenantId, method: outbound.method, url: outbound.url, headers: outbound.headers, bodySha256: sha256Hex(outbound.body) };
    const { status, json } = await this.call(() => this.vault.post('/internal/icims/authorize', body));
    if (status === 200) return (json as { headers: Record<string, string> }).headers;
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (status === 401 || status === 404 || status === 409) throw new IcimsAuthError(error?.message ?? `the vault refused to sign (${status})`);
    throw new IcimsUnavailable(`the vault answered ${status}${error?.code ? ` ${error.code}` : ''}`);
  }

  invalidate(tenantId: string): void {
    void this.vault.post('/internal/icims/invalidate', { tenantId }).catch(() => undefined);
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
