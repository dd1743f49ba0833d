import { DynamicModule, Module } from '@nestjs/common';
import { Topic } from '@icims-sync/contracts';
import { HrClientModule } from '@icims-sync/hr-client';
import { PlatformModule } from '@icims-sync/platform';
import { MongoBudgetStore, SyncLedgerModule } from '@icims-sync/sync-ledger';
import { IcimsClients, TenantSettingsClient, VaultInternalClient } from '@icims-sync/vault-client';
import { HrExportConfig } from './config/app.config';
import { EmployeeUpdatedConsumer } from './exports/employee-updated.consumer';
import { ExportEmployeeUseCase } from './exports/export-employee.usecase';

export const SERVICE_NAME = 'hr-export';

/** HR to iCIMS: PATCHes changed synced fields, with echo suppression, conflicts and coalescing. */
@Module({})
export class HrExportModule {
  static forRoot(config: HrExportConfig): DynamicModule {
    return {
      module: HrExportModule,
      imports: [
        PlatformModule.forRoot({
          service: SERVICE_NAME,
          config,
          kafka: { topics: [Topic.EmployeeUpdated, Topic.SyncProgress], coalesceKeysOf: [Topic.EmployeeUpdated] },
          mongo: {},
          idempotency: true,
        }),
        SyncLedgerModule.forRoot({ retentionDays: config.AUDIT_RETENTION_DAYS, service: SERVICE_NAME }),
        HrClientModule.forRoot(config.HR_API_URL),
      ],
      controllers: [EmployeeUpdatedConsumer],
      providers: [
        ExportEmployeeUseCase,
        {
          provide: IcimsClients,
          inject: [MongoBudgetStore],
          useFactory: (store: MongoBudgetStore) =>
            new IcimsClients({ vaultUrl: config.VAULT_URL, vaultServiceToken: config.VAULT_SERVICE_TOKEN, dailyBudget: config.ICIMS_DAILY_BUDGET, reserveForManual: config.ICIMS_MANUAL_RESERVE, store }),
        },
        {
          provide: TenantSettingsClient,
          useFactory: () => new TenantSettingsClient(new VaultInternalClient(config.VAULT_URL, config.VAULT_SERVICE_TOKEN), config.SETTINGS_CACHE_MS),
        },
        { provide: HrExportConfig, useValue: config },
      ],
    };
  }
}
