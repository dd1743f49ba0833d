import { ServiceDefinition } from '@icims-sync/platform';
import { HrSandboxModule, SERVICE_NAME } from './app.module';
import { HrSandboxConfig } from './config/app.config';

export const hrSandboxService: ServiceDefinition<HrSandboxConfig> = {
  name: SERVICE_NAME,
  configSchema: HrSandboxConfig,
  rootModule: (config) => HrSandboxModule.forRoot(config),
};
