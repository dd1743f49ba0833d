import { DynamicModule, Module } from '@nestjs/common';
import { EventPublisher } from '@icims-sync/platform';
import { MongooseModule } from '@nestjs/mongoose';
import { ImportLockDocument, ImportLockSchema } from './locks/import-lock.schema';
import { DEFAULT_IMPORT_LEASE_TIMES, IMPORT_LEASE_TIMES, ImportLeaseTimes, ImportLocks } from './locks/import-locks';
import { SyncRecordDocument, SyncRecordSchema } from './records/sync-record.schema';
import { ImportQueue } from './runs/import-queue.service';
import { ImportRunRepository } from './runs/import-run.repository';
import { RunProgressPublisher } from './runs/run-progress.publisher';
import { AUDIT_RETENTION_DAYS, SyncAuditRepository } from './runs/sync-audit.repository';
import { SyncRunDocument, SyncRunSchema } from './runs/sync-run.schema';
import { SyncStateRepository } from './state/sync-state.repository';
import { MongoBudgetStore } from './budget/mongo-budget.store';
import { SyncStateDocument, SyncStateSchema } from './state/sync-state.schema';

/**
 * The sync ledger: runs and their records (the audit log), import locks, each person's
 * sync state, and the iCIMS request budget every service spends. Needs PlatformModule with mongo (and kafka, for the import queue).
 */
@Module({})
export class SyncLedgerModule {
  /** `service` names the source of the events it publishes; `leases` default to DEFAULT_IMPORT_LEASE_TIMES. */
  static forRoot(options: { retentionDays: number; service: string; leases?: Partial<ImportLeaseTimes> }): DynamicModule {
    return {
      module: SyncLedgerModule,
      imports: [
        MongooseModule.forFeature([
          { name: SyncRunDocument.name, schema: SyncRunSchema },
          { name: SyncRecordDocument.name, schema: SyncRecordSchema },
          { name: ImportLockDocument.name, schema: ImportLockSchema },
          { name: SyncStateDocument.name, schema: SyncStateSchema },
        ]),
      ],
      providers: [
        SyncAuditRepository,
        ImportLocks,
        ImportRunRepository,
        SyncStateRepository,
        MongoBudgetStore,
        { provide: AUDIT_RETENTION_DAYS, useValue: options.retentionDays },
        { provide: IMPORT_LEASE_TIMES, useValue: { ...DEFAULT_IMPORT_LEASE_TIMES, ...options.leases } },
        { provide: RunProgressPublisher, inject: [EventPublisher], useFactory: (publisher: EventPublisher) => new RunProgressPublisher(publisher, options.service) },
        {
          provide: ImportQueue,
          inject: [ImportRunRepository, EventPublisher, RunProgressPublisher],
          useFactory: (runs: ImportRunRepository, publisher: EventPublisher, progress: RunProgressPublisher) => new ImportQueue(runs, publisher, progress, options.service),
        },
      ],
      exports: [SyncAuditRepository, ImportRunRepository, SyncStateRepository, ImportQueue, RunProgressPublisher, MongoBudgetStore],
    };
  }
}
