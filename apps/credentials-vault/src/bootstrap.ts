import { ServiceDefinition } from '@icims-sync/platform';
import { CredentialsVaultModule, SERVICE_NAME } from './app.module';
import { CredentialsVaultConfig } from './config/app.config';
import { loadKeyRing } from './crypto/key-ring.loader';

export const credentialsVaultService: ServiceDefinition<CredentialsVaultConfig> = {
  name: SERVICE_NAME,
  configSchema: CredentialsVaultConfig,
  validate: (config) => {
    const loaded = loadKeyRing(config);
    return loaded.ok ? [] : loaded.problems;
  },
  rootModule: (config) => {
    const loaded = loadKeyRing(config);
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    return CredentialsVaultModule.forRoot(config, loaded.ring);
  },
};
