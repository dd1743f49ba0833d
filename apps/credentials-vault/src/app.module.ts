import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@icims-sync/platform';
import { CredentialsVaultConfig } from './config/app.config';
import { ConnectionRepository } from './connections/connection.repository';
import { ConnectionDocument, ConnectionSchema } from './connections/connection.schema';
import { VaultSecrets } from './connections/vault-secrets.service';
import { EnvelopeCipher } from './crypto/envelope-cipher';
import { KeyRing } from './crypto/key-ring';
import { InboundVerifier } from './internal/inbound-verifier.service';
import { InternalController } from './internal/internal.controller';
import { OutboundSigner } from './internal/outbound-signer.service';
import { SERVICE_TOKEN, ServiceTokenGuard } from './internal/service-token.guard';
import { TenantSettingsService } from './internal/tenant-settings.service';

export const SERVICE_NAME = 'credentials-vault';

/** Connections and their sealed secrets, only persistence layer of the vault. */
@Module({})
export class VaultStoreModule {
  static forRoot(ring: KeyRing): DynamicModule {
    return {
      module: VaultStoreModule,
      imports: [MongooseModule.forFeature([{ name: ConnectionDocument.name, schema: ConnectionSchema }])],
      providers: [ConnectionRepository, VaultSecrets, { provide: EnvelopeCipher, useValue: new EnvelopeCipher(ring) }],
      exports: [ConnectionRepository, VaultSecrets],
    };
  }
}

/** Per-tenant connection settings and secrets; signs outbound and verifies inbound iCIMS requests. */
@Module({})
export class CredentialsVaultModule {
  static forRoot(config: CredentialsVaultConfig, ring: KeyRing): DynamicModule {
    return {
      module: CredentialsVaultModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config, topics: [] }), VaultStoreModule.forRoot(ring)],
      controllers: [InternalController],
      providers: [
        OutboundSigner,
        InboundVerifier,
        TenantSettingsService,
        ServiceTokenGuard,
        { provide: SERVICE_TOKEN, useValue: config.VAULT_SERVICE_TOKEN },
        { provide: CredentialsVaultConfig, useValue: config },
      ],
    };
  }
}
