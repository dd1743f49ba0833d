import { DynamicModule, Module } from '@nestjs/common';
import { EventPublisher } from '@icims-sync/platform';
import { ImportQueue } from './import-queue.service';
import { MongooseModule } from '@nestjs/mongoose';
import { ImportRunRepository } from './import-run.repository';
import { AUDIT_RETENTION_DAYS, SyncAuditRepository } from './sync-audit.repository';
import { ImportLockDocument, ImportLockSchema, SyncRecordDocument, SyncRecordSchema, SyncRunDocument, SyncRunSchema } from './sync-run.schema';
import { SyncStateDocument, SyncStateSchema } from './sync-state.schema';
import { SyncStateRepository } from './sync-state.repository';

/** The audit log's collections for an app; needs PlatformModule (Mongo and retention). */
@Module({})
export class AuditModule {
  /** `service` names the source of the events it publishes. */
  static forRoot(options: { retentionDays: number; service: string }): DynamicModule {
    return {
      module: AuditModule,
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
