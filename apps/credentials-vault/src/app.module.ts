import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@icims-sync/platform';
import { CredentialsVaultConfig } from './config/app.config';

export const SERVICE_NAME = 'credentials-vault';

/** Per-tenant connection settings and secrets; signs and verifies iCIMS requests. */
@Module({})
export class CredentialsVaultModule {
  static forRoot(config: CredentialsVaultConfig): DynamicModule {
    return {
      module: CredentialsVaultModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config, topics: [] })],
    };
  }
}
