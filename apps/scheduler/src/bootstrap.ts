import { ServiceDefinition } from '@icims-sync/platform';
import { SchedulerModule, SERVICE_NAME } from './app.module';
import { SchedulerConfig } from './config/app.config';

export const schedulerService: ServiceDefinition<SchedulerConfig> = {
  name: SERVICE_NAME,
  configSchema: SchedulerConfig,
  rootModule: (config) => SchedulerModule.forRoot(config),
};
