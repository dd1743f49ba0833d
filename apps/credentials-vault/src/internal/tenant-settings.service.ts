import { Inject, Injectable } from '@nestjs/common';
import { TenantSettings } from '@icims-sync/contracts';
import { AppException } from '@icims-sync/platform';
import { CredentialsVaultConfig } from '../config/app.config';
import { ConnectionRepository } from '../connections/connection.repository';
import { icimsHostsOf } from '../connections/icims-hosts';

/** Serves the settings other services need; the secrets stay behind. */
@Injectable()
export class TenantSettingsService {
  constructor(
    private readonly connections: ConnectionRepository,
    @Inject(CredentialsVaultConfig) private readonly config: CredentialsVaultConfig,
  ) {}

  async get(tenantId: string): Promise<TenantSettings> {
    const connection = await this.connections.find(tenantId);
    if (!connection) throw new AppException('TENANT_NOT_FOUND', `tenant ${tenantId} has no iCIMS connection`, 'not_found');
    const region = connection.outbound?.region;
    return {
      tenantId,
      enabled: connection.enabled,
      profile: connection.profile,
      customerId: connection.customerId,
      apiBaseUrl: region ? icimsHostsOf(region, { api: this.config.ICIMS_API_URL_OVERRIDE }).api : undefined,
      hiredStatusIds: connection.hiredStatusIds,
      toggles: connection.toggles,
      status: connection.status.state,
      fieldIds: connection.fieldIds ?? {},
    };
  }
}
