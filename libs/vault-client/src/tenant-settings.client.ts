import { TenantSettings } from '@icims-sync/contracts';
import { VaultInternalClient } from './vault-internal.client';

/** A tenant's connection settings from the vault, cached briefly (no secrets in them). */
export class TenantSettingsClient {
  /** Unknown tenants are cached too: a backlog of their messages must not hammer the vault. */
  private readonly cache = new Map<string, { at: number; settings: TenantSettings | undefined }>();

  constructor(
    private readonly vault: VaultInternalClient,
    private readonly cacheMs: number,
  ) {}

  /** The tenant's settings, or undefined when the vault has no connection for it; `fresh` skips the cache. */
  async find(tenantId: string, options: { fresh?: boolean } = {}): Promise<TenantSettings | undefined> {
    const cached = this.cache.get(tenantId);
    if (!options.fresh && cached && Date.now() - cached.at < this.cacheMs) return cached.settings;
    const settings = await this.vault.tenantSettings(tenantId);
    this.cache.set(tenantId, { at: Date.now(), settings });
    return settings;
  }
}
