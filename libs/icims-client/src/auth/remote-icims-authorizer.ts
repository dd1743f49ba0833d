import { request } from 'undici';
import { IcimsAuthError, IcimsUnavailable } from '../icims.errors';
import { sha256Hex } from './hmac-signature';
import { IcimsAuthorizer, OutboundRequest } from './icims-authorizer';

export const SERVICE_TOKEN_HEADER = 'x-service-token';

/** Asks credentials-vault for the auth headers of each request: secrets stay in the vault. */
export class RemoteIcimsAuthorizer implements IcimsAuthorizer {
  constructor(
    private readonly vaultUrl: string,
    private readonly serviceToken: string,
  ) {}

  async authorize(outbound: OutboundRequest): Promise<Record<string, string>> {
    const body = { tenantId: outbound.tenantId, method: outbound.method, url: outbound.url, headers: outbound.headers, bodySha256: sha256Hex(outbound.body) };
    const { status, json } = await this.post('/internal/icims/authorize', body);
    if (status === 200) return (json as { headers: Record<string, string> }).headers;
    const error = (json as { error?: { code?: string; message?: string } }).error;
    if (status === 401 || status === 404 || status === 409) throw new IcimsAuthError(error?.message ?? `the vault refused to sign (${status})`);
    throw new IcimsUnavailable(`the vault answered ${status}${error?.code ? ` ${error.code}` : ''}`);
  }

  invalidate(tenantId: string): void {
    void this.post('/internal/icims/invalidate', { tenantId }).catch(() => undefined);
  }

  private async post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
    try {
      const response = await request(`${this.vaultUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SERVICE_TOKEN_HEADER]: this.serviceToken },
        body: JSON.stringify(body),
        headersTimeout: 10_000,
      });
      return { status: response.statusCode, json: await response.body.json().catch(() => ({})) };
    } catch (error) {
      throw new IcimsUnavailable(`the vault is unreachable (${(error as Error).message})`);
    }
  }
}
