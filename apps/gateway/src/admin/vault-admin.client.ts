import { Inject, Injectable } from '@nestjs/common';
import { ACTOR_HEADERS } from '@icims-sync/contracts';
import { SERVICE_TOKEN_HEADER } from '@icims-sync/icims-client';
import { AppException, DependencyUnavailableException } from '@icims-sync/platform';
import { request } from 'undici';
import { GatewayConfig } from '../config/app.config';
import { AdminClaims } from './admin-token.verifier';

/** An answer of the vault's that is an error: passed on to the admin as it is (code and message are for users). */
export class VaultRefusal extends AppException {
  constructor(
    readonly status: number,
    error: { code: string; message: string; details?: Record<string, unknown> },
  ) {
    super(error.code, error.message, status === 404 ? 'not_found' : status === 409 ? 'conflict' : status === 403 ? 'forbidden' : 'validation', error.details);
  }
}

/** The vault's tenant settings API, called on behalf of a verified HR admin. */
@Injectable()
export class VaultAdminClient {
  constructor(@Inject(GatewayConfig) private readonly config: GatewayConfig) {}

  async call<T>(admin: AdminClaims, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
    let response;
    try {
      response = await request(`${this.config.VAULT_URL}/internal/tenants/${encodeURIComponent(admin.tenantId)}/icims${path}`, {
        method,
        headers: {
          [SERVICE_TOKEN_HEADER]: this.config.VAULT_SERVICE_TOKEN,
          [ACTOR_HEADERS.userId]: admin.userId,
          [ACTOR_HEADERS.displayName]: encodeURIComponent(admin.displayName),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Connect waits on iCIMS, up to the vault's CONNECT_TIMEOUT_MS (at most 60 s) per try.
        headersTimeout: 130_000,
        bodyTimeout: 130_000,
      });
    } catch (error) {
      throw new DependencyUnavailableException('credentials-vault', (error as Error).message);
    }
    const json = (await response.body.json().catch(() => undefined)) as { error?: { code: string; message: string; details?: Record<string, unknown> } } | undefined;
    if (response.statusCode < 300) return json as T;
    if (response.statusCode < 500 && response.statusCode !== 401 && json?.error) throw new VaultRefusal(response.statusCode, json.error);
    throw new DependencyUnavailableException('credentials-vault', `answered ${response.statusCode}${json?.error ? ` ${json.error.code}` : ''}`);
  }
}
