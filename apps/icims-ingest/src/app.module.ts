import { DynamicModule, Module } from '@nestjs/common';
import { MongoBudgetStore, SyncLedgerModule } from '@icims-sync/sync-ledger';
import { Topic } from '@icims-sync/contracts';
import { HrClientModule } from '@icims-sync/hr-client';
import { PlatformModule } from '@icims-sync/platform';
import { IcimsIngestConfig } from './config/app.config';
import { CandidateHiredConsumer } from './hires/candidate-hired.consumer';
import { ImportHireUseCase } from './hires/import-hire.usecase';
import { DeletionSweep } from './imports/deletion-sweep';
import { MassChangeGuard } from './imports/mass-change-guard';
import { ImportRequestedConsumer } from './imports/import-requested.consumer';
import { PeoplePages } from './imports/people-pages';
import { RunImportUseCase } from './imports/run-import.usecase';
import { PersonSyncService } from './people/person-sync.service';
import { IcimsClients, TenantSettingsClient, VaultInternalClient } from '@icims-sync/vault-client';

export const SERVICE_NAME = 'icims-ingest';

/** iCIMS to HR: single hires and full or incremental imports. */
@Module({})
export class IcimsIngestModule {
  static forRoot(config: IcimsIngestConfig): DynamicModule {
    return {
      module: IcimsIngestModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, config, kafka: { topics: [Topic.CandidateHired, Topic.ImportRequested, Topic.SyncProgress] }, mongo: {}, idempotency: true }),
        SyncLedgerModule.forRoot({ retentionDays: config.AUDIT_RETENTION_DAYS, service: SERVICE_NAME, leases: { queuedMs: config.IMPORT_QUEUED_LEASE_MS, runningMs: config.IMPORT_RUNNING_LEASE_MS } }),
        HrClientModule.forRoot(config.HR_API_URL),
      ],
      controllers: [CandidateHiredConsumer, ImportRequestedConsumer],
      providers: [
        ImportHireUseCase,
        PersonSyncService,
        RunImportUseCase,
        PeoplePages,
        DeletionSweep,
        MassChangeGuard,
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
        { provide: IcimsIngestConfig, useValue: config },
      ],
    };
  }
}
