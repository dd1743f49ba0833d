import { Inject, Injectable } from '@nestjs/common';
import { ACTOR_HEADERS } from '@icims-sync/contracts';
import { VaultInternalClient } from '@icims-sync/vault-client';
import { AppException, DependencyUnavailableException } from '@icims-sync/platform';
import { GatewayConfig } from '../config/app.config';
import { AdminClaims } from './admin-token.verifier';

/** Connect waits on iCIMS, up to the vault's CONNECT_TIMEOUT_MS (at most 60 s) per try. */
const ADMIN_CALL_TIMEOUT_MS = 130_000;

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
  private readonly vault: VaultInternalClient;

  constructor(@Inject(GatewayConfig) config: GatewayConfig) {
    this.vault = new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN);
  }

  async call<T>(admin: AdminClaims, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
    const { status, json } = await this.vault.send(method, `/internal/tenants/${encodeURIComponent(admin.tenantId)}/icims${path}`, body, {
      headers: { [ACTOR_HEADERS.userId]: admin.userId, [ACTOR_HEADERS.displayName]: encodeURIComponent(admin.displayName) },
      timeoutMs: ADMIN_CALL_TIMEOUT_MS,
    });
    const error = (json as { error?: { code: string; message: string; details?: Record<string, unknown> } } | undefined)?.error;
    if (status < 300) return json as T;
    if (status < 500 && status !== 401 && error) throw new VaultRefusal(status, error);
    throw new DependencyUnavailableException('credentials-vault', `answered ${status}${error ? ` ${error.code}` : ''}`);
  }
}
