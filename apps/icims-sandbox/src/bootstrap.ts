import { ServiceDefinition } from '@icims-sync/platform';
import { IcimsSandboxModule, SERVICE_NAME } from './app.module';
import { IcimsSandboxConfig } from './config/app.config';

export const icimsSandboxService: ServiceDefinition<IcimsSandboxConfig> = {
  name: SERVICE_NAME,
  configSchema: IcimsSandboxConfig,
  rootModule: (config) => IcimsSandboxModule.forRoot(config),
  // HMAC signs the bytes as sent, so the guard needs them.
  rawBody: true,
};
