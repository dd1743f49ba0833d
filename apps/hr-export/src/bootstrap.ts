import { ServiceDefinition } from '@icims-sync/platform';
import { HrExportModule, SERVICE_NAME } from './app.module';
import { HrExportConfig } from './config/app.config';

export const hrExportService: ServiceDefinition<HrExportConfig> = {
  name: SERVICE_NAME,
  configSchema: HrExportConfig,
  rootModule: (config) => HrExportModule.forRoot(config),
  consumesKafka: true,
};
