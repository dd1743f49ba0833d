import { Inject, Injectable } from '@nestjs/common';
import { TenantList } from '@icims-sync/contracts';
import { VaultInternalClient } from '@icims-sync/icims-client';
import { DependencyUnavailableException } from '@icims-sync/platform';
import { SchedulerConfig } from '../config/app.config';

/** The tenants whose automatic import may run now, as the vault sees them (enabled, connected, owner valid, toggle on). */
@Injectable()
export class AutoImportTenantsClient {
  private readonly vault: VaultInternalClient;

  constructor(@Inject(SchedulerConfig) config: SchedulerConfig) {
    this.vault = new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN, 60_000);
  }

  async list(): Promise<string[]> {
    const { status, json } = await this.vault.get('/internal/tenants/automatic-import');
    if (status !== 200) throw new DependencyUnavailableException('credentials-vault', `automatic-import tenants answered ${status}`);
    return (json as TenantList).items.map((item) => item.tenantId);
  }
}
