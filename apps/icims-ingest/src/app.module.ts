import { DynamicModule, Module } from '@nestjs/common';
import { Topic } from '@icims-sync/contracts';
import { PlatformModule } from '@icims-sync/platform';
import { IcimsIngestConfig } from './config/app.config';

export const SERVICE_NAME = 'icims-ingest';

/** iCIMS to HR: single hires and full or incremental imports. */
@Module({})
export class IcimsIngestModule {
  static forRoot(config: IcimsIngestConfig): DynamicModule {
    return {
      module: IcimsIngestModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config, topics: [Topic.CandidateHired, Topic.ImportRequested, Topic.SyncProgress] })],
    };
  }
}
