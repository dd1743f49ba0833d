import { Inject, Injectable } from '@nestjs/common';
import { VaultInternalClient } from '@icims-sync/vault-client';
import { SchedulerConfig } from '../config/app.config';

/** The tenants whose automatic import may run now, as the vault sees them (enabled, connected, owner valid, toggle on). */
@Injectable()
export class AutoImportTenantsClient {
  private readonly vault: VaultInternalClient;

  constructor(@Inject(SchedulerConfig) config: SchedulerConfig) {
    this.vault = new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN, 60_000);
  }

  list(): Promise<string[]> {
    return this.vault.automaticImportTenants();
  }
}
