import { Inject, Injectable } from '@nestjs/common';
import { SyncStatusView } from '@icims-sync/contracts';
import { ScheduleClock } from '@icims-sync/platform';
import { MongoBudgetStore, SyncAuditRepository } from '@icims-sync/sync-ledger';
import { GatewayConfig } from '../config/app.config';
import { TenantSettingsReader } from './tenant-settings.reader';

/** The settings page's status at a glance: the next automatic import, the last successful runs, today's iCIMS budget. */
@Injectable()
export class SyncStatusUseCase {
  private readonly clock: ScheduleClock;

  constructor(
    private readonly settings: TenantSettingsReader,
    private readonly audit: SyncAuditRepository,
    private readonly budget: MongoBudgetStore,
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
  ) {
    this.clock = new ScheduleClock(config.IMPORT_CRON, config.IMPORT_TIME_ZONE);
  }

  async execute(tenantId: string, now = new Date()): Promise<SyncStatusView> {
    const settings = await this.settings.enabled(tenantId);
    const day = now.toISOString().slice(0, 10);
    const [lastImport, lastExport, used] = await Promise.all([this.audit.lastSucceeded(tenantId, 'import'), this.audit.lastSucceeded(tenantId, 'export'), this.budget.usedOn(tenantId, day)]);
    const next = this.clock.nextAfter(now);
    const { ICIMS_DAILY_BUDGET: dailyLimit, ICIMS_MANUAL_RESERVE: manualReserve } = this.config;
    return {
      automaticImport: { enabled: settings.automaticSync.import, next: next.toISOString(), nextLocal: this.clock.localTimeOf(next), timeZone: this.clock.timeZone },
      lastSucceeded: { ...(lastImport ? { import: lastImport.toISOString() } : {}), ...(lastExport ? { export: lastExport.toISOString() } : {}) },
      icimsBudget: { day, used, dailyLimit, manualReserve, leftForAutomatic: Math.max(0, dailyLimit - manualReserve - used), leftForManual: Math.max(0, dailyLimit - used) },
    };
  }
}
