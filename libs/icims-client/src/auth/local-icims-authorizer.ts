import { IcimsAuthError } from '../icims.exception';
import { IcimsAuthorizer, OutboundRequest } from './icims-authorizer';
import { sha256Hex, signRequest } from './hmac-signature';
import { OAuthClientCredentials, OAuthTokenCache } from './oauth-token-cache';

export type IcimsCredentials =
  | ({ method: 'oauth2' } & OAuthClientCredentials)
  | { method: 'basic'; username: string; password: string }
  | { method: 'hmac'; username: string; hmacKey: string };

/** Holds credentials in process. For tests and the demo; production uses the vault. */
export class LocalIcimsAuthorizer implements IcimsAuthorizer {
  private readonly tokens = new OAuthTokenCache();

  constructor(private readonly credentialsOf: (tenantId: string) => IcimsCredentials | undefined) {}

  async authorize(outbound: OutboundRequest): Promise<Record<string, string>> {
    const credentials = this.credentialsOf(outbound.tenantId);
    if (!credentials) throw new IcimsAuthError(`no iCIMS credentials for tenant ${outbound.tenantId}`);
    switch (credentials.method) {
      case 'basic':
        return { authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` };
      case 'hmac': {
        const url = new URL(outbound.url);
        const signed = signRequest(
          { method: outbound.method, pathAndQuery: `${url.pathname}${url.search}`, headers: { ...lowerCase(outbound.headers), host: url.host }, bodySha256: sha256Hex(outbound.body) },
          credentials.username,
          credentials.hmacKey,
        );
        return signed;
      }
      case 'oauth2':
        return { authorization: `Bearer ${(await this.tokens.get(outbound.tenantId, credentials)).value}` };
    }
  }

  invalidate(tenantId: string): void {
    this.tokens.invalidate(tenantId);
  }
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
