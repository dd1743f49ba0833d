import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Topic } from '@icims-sync/contracts';
import { HrHttp, HrUsersClient } from '@icims-sync/hr-client';
import { PlatformModule } from '@icims-sync/platform';
import { AdminTokenVerifier } from './admin/admin-token.verifier';
import { HrAdminGuard } from './admin/hr-admin.guard';
import { IcimsSettingsController } from './admin/icims-settings.controller';
import { VaultAdminClient } from './admin/vault-admin.client';
import { GatewayConfig } from './config/app.config';
import { ReceiveIcimsEventUseCase } from './webhooks/receive-icims-event.usecase';
import { VaultInboundClient } from './webhooks/vault-inbound.client';
import { WebhooksController } from './webhooks/webhooks.controller';

export const SERVICE_NAME = 'gateway';

/** The public edge: iCIMS webhooks, the admin API and UI, and SSE progress. */
@Module({})
export class GatewayModule implements OnApplicationShutdown {
  constructor(@Inject(HrHttp) private readonly hrHttp: HrHttp) {}

  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config, topics: [Topic.CandidateHired, Topic.ImportRequested, Topic.SyncProgress] })],
      controllers: [WebhooksController, IcimsSettingsController],
      providers: [
        ReceiveIcimsEventUseCase,
        VaultInboundClient,
        VaultAdminClient,
        AdminTokenVerifier,
        HrAdminGuard,
        { provide: HrHttp, useFactory: () => new HrHttp(config.HR_API_URL, 5_000, 8) },
        { provide: HrUsersClient, useFactory: (http: HrHttp) => new HrUsersClient(http), inject: [HrHttp] },
        { provide: GatewayConfig, useValue: config },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.hrHttp.close();
  }
}
