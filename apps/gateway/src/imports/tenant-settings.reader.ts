import { Inject, Injectable } from '@nestjs/common';
import { TenantSettings } from '@icims-sync/contracts';
import { VaultInternalClient } from '@icims-sync/vault-client';
import { AppException } from '@icims-sync/platform';
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
    const settings = await this.vault.tenantSettings(tenantId);
    if (!settings?.enabled) throw new AppException('INTEGRATION_NOT_ENABLED', 'the iCIMS integration is not enabled for this tenant; ask your account manager', 'not_found');
    return settings;
  }
}
