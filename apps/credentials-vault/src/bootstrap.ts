import { ServiceDefinition } from '@icims-sync/platform';
import { CredentialsVaultModule, SERVICE_NAME } from './app.module';
import { CredentialsVaultConfig } from './config/app.config';

export const credentialsVaultService: ServiceDefinition<CredentialsVaultConfig> = {
  name: SERVICE_NAME,
  configSchema: CredentialsVaultConfig,
  rootModule: (config) => CredentialsVaultModule.forRoot(config),
};
