import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AUDIT_RETENTION_DAYS, SyncAuditRepository } from './sync-audit.repository';
import { SyncRecordDocument, SyncRecordSchema, SyncRunDocument, SyncRunSchema } from './sync-run.schema';

/** The audit log's collections for an app; needs PlatformModule (Mongo and retention). */
@Module({})
export class AuditModule {
  static forRoot(options: { retentionDays: number }): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        MongooseModule.forFeature([
          { name: SyncRunDocument.name, schema: SyncRunSchema },
          { name: SyncRecordDocument.name, schema: SyncRecordSchema },
        ]),
      ],
      providers: [SyncAuditRepository, { provide: AUDIT_RETENTION_DAYS, useValue: options.retentionDays }],
      exports: [SyncAuditRepository],
    };
  }
}
