import { request } from 'undici';
import { IcimsAuthError, IcimsUnavailable } from '../icims.errors';
import { IcimsAuthorizer, OutboundRequest } from './icims-authorizer';
import { signRequest } from './hmac-signature';

export type IcimsCredentials =
  | { method: 'oauth2'; clientId: string; clientSecret: string; tokenUrl: string; audience?: string }
  | { method: 'basic'; username: string; password: string }
  | { method: 'hmac'; username: string; hmacKey: string };

const DEFAULT_AUDIENCE = 'https://api.icims.com/v1/';
/** Refresh this long before expiry: iCIMS throttles clients that request many tokens. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  value: string;
  expiresAt: number;
}

/** Holds credentials in process. For tests and the demo; production uses the vault. */
export class LocalIcimsAuthorizer implements IcimsAuthorizer {
  private readonly tokens = new Map<string, Promise<CachedToken>>();

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
          { method: outbound.method, pathAndQuery: `${url.pathname}${url.search}`, headers: { ...lowerCase(outbound.headers), host: url.host }, body: outbound.body },
          credentials.username,
          credentials.hmacKey,
        );
        return signed;
      }
      case 'oauth2':
        return { authorization: `Bearer ${(await this.token(outbound.tenantId, credentials)).value}` };
    }
  }

  invalidate(tenantId: string): void {
    this.tokens.delete(tenantId);
  }

  /** One token request at a time per tenant; reused until shortly before it expires. */
  private token(tenantId: string, credentials: Extract<IcimsCredentials, { method: 'oauth2' }>): Promise<CachedToken> {
    const cached = this.tokens.get(tenantId);
    if (cached) {
      return cached.then((token) => (token.expiresAt - TOKEN_REFRESH_MARGIN_MS > Date.now() ? token : this.refresh(tenantId, credentials)));
    }
    return this.refresh(tenantId, credentials);
  }

  private refresh(tenantId: string, credentials: Extract<IcimsCredentials, { method: 'oauth2' }>): Promise<CachedToken> {
    const pending = fetchToken(credentials).catch((error: unknown) => {
      this.tokens.delete(tenantId);
      throw error;
    });
    this.tokens.set(tenantId, pending);
    return pending;
  }
}

async function fetchToken(credentials: Extract<IcimsCredentials, { method: 'oauth2' }>): Promise<CachedToken> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: credentials.clientId,
    client_secret: credentials.clientSecret,
    audience: credentials.audience ?? DEFAULT_AUDIENCE,
  });
  let response;
  try {
    response = await request(credentials.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
  } catch (error) {
    throw new IcimsUnavailable(`token endpoint unreachable (${(error as Error).message})`);
  }
  const body = (await response.body.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
  if (response.statusCode === 400 || response.statusCode === 401 || response.statusCode === 403) throw new IcimsAuthError('iCIMS refused the client id or secret');
  if (response.statusCode >= 300 || typeof body.access_token !== 'string') throw new IcimsUnavailable(`token endpoint answered ${response.statusCode}`);
  const expiresInS = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
  return { value: body.access_token, expiresAt: Date.now() + expiresInS * 1000 };
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
