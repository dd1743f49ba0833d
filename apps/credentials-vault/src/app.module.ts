import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { HrClientModule } from '@icims-sync/hr-client';
import { PlatformModule } from '@icims-sync/platform';
import { AdminSignInRepository } from './admin/admin-sign-in.repository';
import { AdminSignInDocument, AdminSignInSchema } from './admin/admin-sign-in.schema';
import { ConfigChangeRepository } from './admin/config-change.repository';
import { ConfigChangeDocument, ConfigChangeSchema } from './admin/config-change.schema';
import { EnabledConnections } from './admin/enabled-connections.service';
import { IcimsAdminController } from './admin/icims-admin.controller';
import { OwnerVerifier } from './admin/owner-verifier.service';
import { RecordSignInInterceptor } from './admin/record-sign-in.interceptor';
import { AcceptConsentUseCase } from './admin/usecases/accept-consent.usecase';
import { ConnectIcimsUseCase } from './admin/usecases/connect-icims.usecase';
import { GenerateInboundAuthUseCase } from './admin/usecases/generate-inbound-auth.usecase';
import { GetIcimsSettingsUseCase } from './admin/usecases/get-icims-settings.usecase';
import { SaveCredentialsUseCase } from './admin/usecases/save-credentials.usecase';
import { SetOwnerUseCase } from './admin/usecases/set-owner.usecase';
import { UpdateSyncOptionsUseCase } from './admin/usecases/update-sync-options.usecase';
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

/** The vault's collections and its sealed secrets: its whole persistence layer. */
@Module({})
export class VaultStoreModule {
  static forRoot(ring: KeyRing): DynamicModule {
    return {
      module: VaultStoreModule,
      imports: [
        MongooseModule.forFeature([
          { name: ConnectionDocument.name, schema: ConnectionSchema },
          { name: ConfigChangeDocument.name, schema: ConfigChangeSchema },
          { name: AdminSignInDocument.name, schema: AdminSignInSchema },
        ]),
      ],
      providers: [ConnectionRepository, ConfigChangeRepository, AdminSignInRepository, VaultSecrets, { provide: EnvelopeCipher, useValue: new EnvelopeCipher(ring) }],
      exports: [ConnectionRepository, ConfigChangeRepository, AdminSignInRepository, VaultSecrets],
    };
  }
}

/** Per-tenant connection settings and secrets; signs outbound and verifies inbound iCIMS requests. */
@Module({})
export class CredentialsVaultModule {
  static forRoot(config: CredentialsVaultConfig, ring: KeyRing): DynamicModule {
    return {
      module: CredentialsVaultModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config, mongo: {} }), VaultStoreModule.forRoot(ring), HrClientModule.forRoot(config.HR_API_URL, { timeoutMs: 5_000, connections: 4 })],
      controllers: [InternalController, IcimsAdminController],
      providers: [
        OutboundSigner,
        InboundVerifier,
        TenantSettingsService,
        ServiceTokenGuard,
        EnabledConnections,
        OwnerVerifier,
        RecordSignInInterceptor,
        GetIcimsSettingsUseCase,
        AcceptConsentUseCase,
        SaveCredentialsUseCase,
        ConnectIcimsUseCase,
        SetOwnerUseCase,
        UpdateSyncOptionsUseCase,
        GenerateInboundAuthUseCase,
        { provide: SERVICE_TOKEN, useValue: config.VAULT_SERVICE_TOKEN },
        { provide: CredentialsVaultConfig, useValue: config },
      ],
    };
  }
}
