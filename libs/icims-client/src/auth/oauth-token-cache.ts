import { createHash } from 'node:crypto';
import { request } from 'undici';
import { IcimsAuthError, IcimsUnavailable } from '../icims.exception';

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  audience?: string;
}

const DEFAULT_AUDIENCE = 'https://api.icims.com/v1/';
/** Refresh this long before expiry: iCIMS throttles clients that request many tokens. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;

interface CachedToken {
  value: string;
  expiresAt: number;
}

export interface UsableToken {
  value: string;
  /** How long it may still be used before it is refreshed. */
  usableForMs: number;
}

/**
 * iCIMS access tokens per tenant and per the credentials they came from: one request at a
 * time, reused until shortly before expiry. Keyed by what the token came from, so new
 * credentials (saved on any replica) never get a token of the old ones.
 */
export class OAuthTokenCache {
  /** Per tenant: the credentials' fingerprint and their token. */
  private readonly tokens = new Map<string, { from: string; token: Promise<CachedToken> }>();

  async get(tenantId: string, credentials: OAuthClientCredentials): Promise<UsableToken> {
    const from = fingerprintOf(credentials);
    const cached = this.tokens.get(tenantId);
    let token = cached?.from === from ? await cached.token.catch(() => undefined) : undefined;
    if (!token || token.expiresAt - TOKEN_REFRESH_MARGIN_MS <= Date.now()) token = await this.refresh(tenantId, from, credentials);
    return { value: token.value, usableForMs: Math.max(0, token.expiresAt - TOKEN_REFRESH_MARGIN_MS - Date.now()) };
  }

  invalidate(tenantId: string): void {
    this.tokens.delete(tenantId);
  }

  private refresh(tenantId: string, from: string, credentials: OAuthClientCredentials): Promise<CachedToken> {
    const pending = fetchToken(credentials).catch((error: unknown) => {
      if (this.tokens.get(tenantId)?.token === pending) this.tokens.delete(tenantId);
      throw error;
    });
    this.tokens.set(tenantId, { from, token: pending });
    return pending;
  }
}

/** A one-way digest of everything a token depends on; it stays in memory, like the token. */
function fingerprintOf({ clientId, clientSecret, tokenUrl, audience }: OAuthClientCredentials): string {
  return createHash('sha256').update([clientId, clientSecret, tokenUrl, audience ?? DEFAULT_AUDIENCE].join('\0')).digest('hex');
}

/** `POST /oauth/token` with client credentials and the iCIMS audience. */
export async function fetchToken(credentials: OAuthClientCredentials): Promise<CachedToken> {
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
    throw new IcimsUnavailable(`token endpoint unreachable (${(error as Error).message})`, 'unreachable');
  }
  const body = (await response.body.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
  if (response.statusCode === 400 || response.statusCode === 401 || response.statusCode === 403) throw new IcimsAuthError('iCIMS refused the client id or secret');
  if (response.statusCode >= 300 || typeof body.access_token !== 'string') throw new IcimsUnavailable(`token endpoint answered ${response.statusCode}`);
  const expiresInS = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
  return { value: body.access_token, expiresAt: Date.now() + expiresInS * 1000 };
}
