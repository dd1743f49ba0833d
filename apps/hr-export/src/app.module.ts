import { DynamicModule, Module } from '@nestjs/common';
import { Topic } from '@icims-sync/contracts';
import { HrClientModule } from '@icims-sync/hr-client';
import { PlatformModule } from '@icims-sync/platform';
import { MongoBudgetStore, SyncLedgerModule } from '@icims-sync/sync-ledger';
import { IcimsClients, TenantSettingsClient, VaultInternalClient } from '@icims-sync/vault-client';
import { HrExportConfig } from './config/app.config';
import { EmployeeUpdatedConsumer } from './exports/employee-updated.consumer';
import { ExportEmployeeUseCase } from './exports/export-employee.usecase';
import { PersonPatcher } from './exports/person-patcher';
import { ExportRequestedConsumer } from './backfill/export-requested.consumer';
import { RunExportUseCase } from './backfill/run-export.usecase';

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
          kafka: { topics: [Topic.EmployeeUpdated, Topic.ExportRequested, Topic.SyncProgress], coalesceKeysOf: [Topic.EmployeeUpdated] },
          mongo: {},
          idempotency: true,
        }),
        SyncLedgerModule.forRoot({ retentionDays: config.AUDIT_RETENTION_DAYS, service: SERVICE_NAME, leases: { queuedMs: config.IMPORT_QUEUED_LEASE_MS, runningMs: config.IMPORT_RUNNING_LEASE_MS } }),
        HrClientModule.forRoot(config.HR_API_URL),
      ],
      controllers: [EmployeeUpdatedConsumer, ExportRequestedConsumer],
      providers: [
        ExportEmployeeUseCase,
        RunExportUseCase,
        PersonPatcher,
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
