import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Counter } from 'prom-client';
import { ImportQueue } from '@icims-sync/sync-ledger';
import { MetricsService, internalDescription } from '@icims-sync/platform';
import { SchedulerConfig } from '../config/app.config';
import { LeaderLease } from '../lease/leader-lease.service';

/**
 * Ends imports nobody works on any more: a run whose lease lapsed (its worker died, or its
 * `import.requested` went to the DLQ) is failed as abandoned, its tenant freed and its SSE
 * stream ended. Without this, a tenant would wait until someone pressed Import again.
 */
@Injectable()
export class AbandonedImportsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AbandonedImportsJob.name);
  private readonly failed: Counter;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly lease: LeaderLease,
    private readonly imports: ImportQueue,
    @Inject(SchedulerConfig) private readonly config: SchedulerConfig,
    metrics: MetricsService,
  ) {
    this.failed = new Counter({ name: 'abandoned_imports_total', help: 'Imports failed because their lease lapsed (worker gone or request dead-lettered)', registers: [metrics.registry] });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => (this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined))), this.config.ABANDONED_IMPORT_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private async sweep(): Promise<void> {
    if (!this.lease.isLeader()) return;
    try {
      const count = await this.imports.failAbandoned();
      this.failed.inc(count);
      if (count > 0) this.logger.warn({ count }, 'imports whose lease lapsed were failed as abandoned');
    } catch (error) {
      this.logger.warn({ error: internalDescription(error) }, 'abandoned-import sweep failed; the next one retries');
    }
  }
}
