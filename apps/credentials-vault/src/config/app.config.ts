import { BaseServiceConfig } from '@icims-sync/platform';

/** Environment of credentials-vault; every variable is documented in the README's config reference. */
export class CredentialsVaultConfig extends BaseServiceConfig {
  override PORT = 3001;
}
