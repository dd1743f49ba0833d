import { DynamicModule, Module } from '@nestjs/common';
import { Topic } from '@icims-sync/contracts';
import { PlatformModule } from '@icims-sync/platform';
import { SchedulerConfig } from './config/app.config';

export const SERVICE_NAME = 'scheduler';

/** The daily automatic import at 00:00 America/Los_Angeles, leader-elected. */
@Module({})
export class SchedulerModule {
  static forRoot(config: SchedulerConfig): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config, topics: [Topic.ImportRequested] })],
    };
  }
}
