import { DynamicModule, Module } from '@nestjs/common';
import { Topic } from '@icims-sync/contracts';
import { PlatformModule } from '@icims-sync/platform';
import { GatewayConfig } from './config/app.config';
import { ReceiveIcimsEventUseCase } from './webhooks/receive-icims-event.usecase';
import { VaultInboundClient } from './webhooks/vault-inbound.client';
import { WebhooksController } from './webhooks/webhooks.controller';

export const SERVICE_NAME = 'gateway';

/** The public edge: iCIMS webhooks, the admin API and UI, and SSE progress. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot({ service: SERVICE_NAME, config, topics: [Topic.CandidateHired, Topic.ImportRequested, Topic.SyncProgress] })],
      controllers: [WebhooksController],
      providers: [ReceiveIcimsEventUseCase, VaultInboundClient, { provide: GatewayConfig, useValue: config }],
    };
  }
}
