import { Inject, Injectable } from '@nestjs/common';
import { VaultInternalClient } from '@icims-sync/icims-client';
import { TenantSettings } from '@icims-sync/contracts';
import { IcimsIngestConfig } from '../config/app.config';

/** A tenant's connection settings from the vault, cached briefly (no secrets in them). */
@Injectable()
export class TenantSettingsClient {
  /** Unknown tenants are cached too: a backlog of their messages must not hammer the vault. */
  private readonly cache = new Map<string, { at: number; settings: TenantSettings | undefined }>();

  private readonly vault: VaultInternalClient;
  private readonly cacheMs: number;

  constructor(@Inject(IcimsIngestConfig) config: IcimsIngestConfig) {
    this.vault = new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN);
    this.cacheMs = config.SETTINGS_CACHE_MS;
  }

  /** The tenant's settings, or undefined when the vault has no connection for it; `fresh` skips the cache. */
  async find(tenantId: string, options: { fresh?: boolean } = {}): Promise<TenantSettings | undefined> {
    const cached = this.cache.get(tenantId);
    if (!options.fresh && cached && Date.now() - cached.at < this.cacheMs) return cached.settings;
    const settings = await this.vault.tenantSettings(tenantId);
    this.cache.set(tenantId, { at: Date.now(), settings });
    return settings;
  }
}
