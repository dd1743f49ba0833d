import { DynamicModule, Module } from '@nestjs/common';
import { EventPublisher } from '@icims-sync/platform';
import { MongooseModule } from '@nestjs/mongoose';
import { ImportLockDocument, ImportLockSchema } from './locks/import-lock.schema';
import { SyncRecordDocument, SyncRecordSchema } from './records/sync-record.schema';
import { ImportQueue } from './runs/import-queue.service';
import { ImportRunRepository } from './runs/import-run.repository';
import { AUDIT_RETENTION_DAYS, SyncAuditRepository } from './runs/sync-audit.repository';
import { SyncRunDocument, SyncRunSchema } from './runs/sync-run.schema';
import { SyncStateRepository } from './state/sync-state.repository';
import { SyncStateDocument, SyncStateSchema } from './state/sync-state.schema';

/**
 * The sync ledger: runs and their records (the audit log), import locks, and each person's
 * sync state. Needs PlatformModule with mongo (and kafka, for the import queue).
 */
@Module({})
export class SyncLedgerModule {
  /** `service` names the source of the events it publishes. */
  static forRoot(options: { retentionDays: number; service: string }): DynamicModule {
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
        ImportRunRepository,
        SyncStateRepository,
        { provide: AUDIT_RETENTION_DAYS, useValue: options.retentionDays },
        { provide: ImportQueue, inject: [ImportRunRepository, EventPublisher], useFactory: (runs: ImportRunRepository, publisher: EventPublisher) => new ImportQueue(runs, publisher, options.service) },
      ],
      exports: [SyncAuditRepository, ImportRunRepository, SyncStateRepository, ImportQueue],
    };
  }
}
