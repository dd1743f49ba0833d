import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { InboundTenant, InboundVerdict, VaultInternalPath } from '@icims-sync/contracts';
import { VaultInternalClient } from '@icims-sync/vault-client';
import { AppException, DependencyUnavailableException } from '@icims-sync/platform';
import { GatewayConfig } from '../config/app.config';

/** Verdicts kept at once; iCIMS customers each send with one credential. */
const MAX_KEPT_VERDICTS = 10_000;

/**
 * The vault decides who a webhook is from; the gateway never holds inbound secrets. A
 * verdict the vault marks reusable (Basic, bearer) is kept a few seconds under a hash of
 * the customer and Authorization header, which spares the vault a call per webhook.
 */
@Injectable()
export class VaultInboundClient {
  private readonly vault: VaultInternalClient;
  private readonly verdicts = new LRUCache<string, InboundTenant>({ max: MAX_KEPT_VERDICTS });

  constructor(@Inject(GatewayConfig) private readonly config: GatewayConfig) {
    this.vault = new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN);
  }

  /** The sender's tenant; `kept` when it came from the cache (so its settings may be seconds old). `fresh` asks the vault. */
  async verify(customerId: string, pathAndQuery: string, headers: Record<string, string>, rawBody: Buffer, options: { fresh?: boolean } = {}): Promise<InboundTenant & { kept?: true }> {
    const key = createHash('sha256').update(`${customerId}\n${headers.authorization ?? ''}`).digest('base64');
    const kept = options.fresh ? undefined : this.verdicts.get(key);
    if (kept) return { ...kept, kept: true };
    const response = await this.vault.post(VaultInternalPath.inboundVerify, { customerId, method: 'POST', pathAndQuery, headers, body: rawBody.toString('base64') });
    if (response.status === 200) {
      const { reusableForMs, ...tenant } = response.json as InboundVerdict;
      const ttl = Math.min(reusableForMs ?? 0, this.config.INBOUND_AUTH_CACHE_MS);
      if (ttl > 0) this.verdicts.set(key, tenant, { ttl });
      return tenant;
    }
    // Says nothing about why: wrong secret, unknown customer and disabled tenant look alike.
    if (response.status === 401 || response.status === 400) throw new AppException('UNAUTHORIZED', 'authentication failed', 'unauthorized');
    throw new DependencyUnavailableException('credentials-vault', `answered ${response.status}`);
  }

  /** Drops this replica's kept verdicts of a tenant whose inbound settings just changed here. */
  forget(tenantId: string): void {
    for (const [key, tenant] of this.verdicts.entries()) if (tenant.tenantId === tenantId) this.verdicts.delete(key);
  }

  async issueToken(clientId: string, clientSecret: string): Promise<unknown> {
    const response = await this.vault.post(VaultInternalPath.inboundToken, { clientId, clientSecret });
    if (response.status === 200) return response.json;
    if (response.status === 401 || response.status === 400) throw new AppException('INVALID_CLIENT', 'client authentication failed', 'unauthorized');
    throw new DependencyUnavailableException('credentials-vault', `answered ${response.status}`);
  }
}
