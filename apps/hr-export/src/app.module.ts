import { DynamicModule, Module } from '@nestjs/common';
import { Topic } from '@icims-sync/contracts';
import { PlatformModule } from '@icims-sync/platform';
import { HrExportConfig } from './config/app.config';

export const SERVICE_NAME = 'hr-export';

/** HR to iCIMS: PATCHes changed synced fields, with echo suppression. */
@Module({})
export class HrExportModule {
  static forRoot(config: HrExportConfig): DynamicModule {
    return {
      module: HrExportModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config, kafka: { topics: [Topic.EmployeeUpdated, Topic.SyncProgress] }, mongo: {}, idempotency: true })],
    };
  }
}
