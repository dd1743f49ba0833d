import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ScheduleModule } from '@nestjs/schedule';
import { SyncLedgerModule } from '@icims-sync/sync-ledger';
import { Topic } from '@icims-sync/contracts';
import { PlatformModule } from '@icims-sync/platform';
import { SchedulerConfig } from './config/app.config';
import { AbandonedImportsJob } from './abandoned-imports/abandoned-imports.job';
import { AutoImportTenantsClient } from './daily-import/auto-import-tenants.client';
import { DailyImportJob } from './daily-import/daily-import.job';
import { LeaderLease } from './lease/leader-lease.service';
import { LeaseDocument, LeaseSchema } from './lease/lease.schema';

export const SERVICE_NAME = 'scheduler';

/** The daily automatic import at 00:00 America/Los_Angeles, and the sweep of abandoned imports; leader-elected. */
@Module({})
export class SchedulerModule {
  static forRoot(config: SchedulerConfig): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, config, kafka: { topics: [Topic.ImportRequested, Topic.SyncProgress] }, mongo: {} }),
        ScheduleModule.forRoot(),
        SyncLedgerModule.forRoot({ retentionDays: config.AUDIT_RETENTION_DAYS, service: SERVICE_NAME, leases: { queuedMs: config.IMPORT_QUEUED_LEASE_MS } }),
        MongooseModule.forFeature([{ name: LeaseDocument.name, schema: LeaseSchema }]),
      ],
      providers: [DailyImportJob, AbandonedImportsJob, LeaderLease, AutoImportTenantsClient, { provide: SchedulerConfig, useValue: config }],
    };
  }
}
