import { DynamicModule, Module } from '@nestjs/common';
import { Topic } from '@icims-sync/contracts';
import { SyncLedgerModule } from '@icims-sync/sync-ledger';
import { HrClientModule } from '@icims-sync/hr-client';
import { PlatformModule } from '@icims-sync/platform';
import { AdminTokenVerifier } from './admin/admin-token.verifier';
import { HrAdminGuard } from './admin/hr-admin.guard';
import { IcimsSettingsController } from './admin/icims-settings.controller';
import { SessionController } from './admin/session.controller';
import { VaultAdminClient } from './admin/vault-admin.client';
import { GatewayConfig } from './config/app.config';
import { ImportsController } from './imports/imports.controller';
import { RunProgressStream } from './imports/run-progress.stream';
import { StartImportUseCase } from './imports/start-import.usecase';
import { SyncStatusUseCase } from './imports/sync-status.usecase';
import { TenantSettingsReader } from './imports/tenant-settings.reader';
import { ReceiveIcimsEventUseCase } from './webhooks/receive-icims-event.usecase';
import { SenderRateLimit } from './webhooks/sender-rate-limit';
import { VaultInboundClient } from './webhooks/vault-inbound.client';
import { WebhooksController } from './webhooks/webhooks.controller';

export const SERVICE_NAME = 'gateway';

/** The public edge: iCIMS webhooks, the admin API and UI, and SSE progress. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, config, kafka: { topics: [Topic.CandidateHired, Topic.ImportRequested, Topic.ExportRequested, Topic.SyncProgress] }, mongo: {}, idempotency: true }),
        HrClientModule.forRoot(config.HR_API_URL, { timeoutMs: 5_000, connections: 8 }),
        SyncLedgerModule.forRoot({ retentionDays: config.AUDIT_RETENTION_DAYS, service: SERVICE_NAME, leases: { queuedMs: config.IMPORT_QUEUED_LEASE_MS } }),
      ],
      controllers: [WebhooksController, SessionController, IcimsSettingsController, ImportsController],
      providers: [
        StartImportUseCase,
        SyncStatusUseCase,
        TenantSettingsReader,
        RunProgressStream,
        ReceiveIcimsEventUseCase,
        VaultInboundClient,
        SenderRateLimit,
        VaultAdminClient,
        AdminTokenVerifier,
        HrAdminGuard,
        { provide: GatewayConfig, useValue: config },
      ],
    };
  }
}
