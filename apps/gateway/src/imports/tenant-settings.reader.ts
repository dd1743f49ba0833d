import { Inject, Injectable } from '@nestjs/common';
import { TenantSettings } from '@icims-sync/contracts';
import { VaultInternalClient } from '@icims-sync/icims-client';
import { AppException, DependencyUnavailableException } from '@icims-sync/platform';
import { GatewayConfig } from '../config/app.config';

/** A tenant's settings (no secrets) from the vault, for deciding whether an import may start. */
@Injectable()
export class TenantSettingsReader {
  private readonly vault: VaultInternalClient;

  constructor(@Inject(GatewayConfig) config: GatewayConfig) {
    this.vault = new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN);
  }

  /** The settings of an enabled tenant; 404 INTEGRATION_NOT_ENABLED otherwise. */
  async enabled(tenantId: string): Promise<TenantSettings> {
    const { status, json } = await this.vault.get(`/internal/tenants/${encodeURIComponent(tenantId)}/settings`);
    if (status !== 200 && status !== 404) throw new DependencyUnavailableException('credentials-vault', `settings answered ${status}`);
    const settings = status === 200 ? (json as TenantSettings) : undefined;
    if (!settings?.enabled) throw new AppException('INTEGRATION_NOT_ENABLED', 'the iCIMS integration is not enabled for this tenant; ask your account manager', 'not_found');
    return settings;
  }
}
