import { Inject, Injectable } from '@nestjs/common';
import { TenantList, TenantSettings } from '@icims-sync/contracts';
import { AppException } from '@icims-sync/platform';
import { OwnerVerifier } from '../admin/owner-verifier.service';
import { automaticSyncOf, toTenantSettings } from '../admin/settings-view';
import { CredentialsVaultConfig } from '../config/app.config';
import { ConnectionRepository } from '../connections/connection.repository';
import { icimsHostsOf } from '../connections/icims-hosts';

/** Serves the settings other services need, including whether automatic sync may run; the secrets stay behind. */
@Injectable()
export class TenantSettingsService {
  constructor(
    private readonly connections: ConnectionRepository,
    private readonly owners: OwnerVerifier,
    @Inject(CredentialsVaultConfig) private readonly config: CredentialsVaultConfig,
  ) {}

  async get(tenantId: string): Promise<TenantSettings> {
    const connection = await this.connections.find(tenantId);
    if (!connection) throw new AppException('TENANT_NOT_FOUND', `tenant ${tenantId} has no iCIMS connection`, 'not_found');
    const region = connection.outbound?.region;
    const apiBaseUrl = region ? icimsHostsOf(region, { api: this.config.ICIMS_API_URL_OVERRIDE }).api : undefined;
    return toTenantSettings(connection, await this.owners.standingOf(connection), apiBaseUrl);
  }

  /** The tenants whose daily automatic import may run now (owner checked, not paused). */
  async withAutomaticImport(): Promise<TenantList> {
    const items: TenantList['items'] = [];
    for (const connection of await this.connections.findAutoImportCandidates()) {
      if (automaticSyncOf(connection, await this.owners.standingOf(connection)).import) items.push({ tenantId: connection._id });
    }
    return { items };
  }
}
