import { Inject, Injectable } from '@nestjs/common';
import { request } from 'undici';
import { SERVICE_TOKEN_HEADER } from '@icims-sync/icims-client';
import { TenantSettings } from '@icims-sync/contracts';
import { DependencyUnavailableException } from '@icims-sync/platform';
import { IcimsIngestConfig } from '../config/app.config';

const CACHE_MS = 30_000;

/** A tenant's connection settings from the vault, cached briefly (no secrets in them). */
@Injectable()
export class TenantSettingsClient {
  /** Unknown tenants are cached too: a backlog of their messages must not hammer the vault. */
  private readonly cache = new Map<string, { at: number; settings: TenantSettings | undefined }>();

  constructor(@Inject(IcimsIngestConfig) private readonly config: IcimsIngestConfig) {}

  /** The tenant's settings, or undefined when the vault has no connection for it. */
  async find(tenantId: string): Promise<TenantSettings | undefined> {
    const cached = this.cache.get(tenantId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.settings;
    let response;
    try {
      response = await request(`${this.config.VAULT_URL}/internal/tenants/${encodeURIComponent(tenantId)}/settings`, {
        headers: { [SERVICE_TOKEN_HEADER]: this.config.VAULT_SERVICE_TOKEN },
        headersTimeout: 5_000,
      });
    } catch (error) {
      throw new DependencyUnavailableException('credentials-vault', (error as Error).message);
    }
    const body = await response.body.json().catch(() => undefined);
    if (response.statusCode === 404) {
      this.cache.set(tenantId, { at: Date.now(), settings: undefined });
      return undefined;
    }
    if (response.statusCode !== 200) throw new DependencyUnavailableException('credentials-vault', `settings answered ${response.statusCode}`);
    const settings = body as TenantSettings;
    this.cache.set(tenantId, { at: Date.now(), settings });
    return settings;
  }
}
