import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Counter, Gauge } from 'prom-client';
import { v5 as uuidV5 } from 'uuid';
import { ImportQueue } from '@icims-sync/sync-ledger';
import { MetricsService, ScheduleClock, internalDescription } from '@icims-sync/platform';
import { SchedulerConfig } from '../config/app.config';
import { LeaderLease } from '../lease/leader-lease.service';
import { AutoImportTenantsClient } from './auto-import-tenants.client';

/** Namespace of scheduled run ids: a tenant's run of a day always has the same id. */
const SCHEDULED_RUN_NAMESPACE = '5b0f0c1e-4a39-4f0e-9a51-6d7f3b2c8e10';
const JOB_NAME = 'daily-import';

/**
 * The daily automatic import (first seed: 12 AM Pacific). Every replica ticks; only the
 * lease holder acts. Run ids are derived from tenant and local day, so even two leaders
 * (or a catch-up after a failover) queue one run per tenant per day.
 */
@Injectable()
export class DailyImportJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DailyImportJob.name);
  private readonly clock: ScheduleClock;
  private readonly queued: Counter<'result'>;
  private renewal?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly lease: LeaderLease,
    private readonly tenants: AutoImportTenantsClient,
    private readonly imports: ImportQueue,
    @Inject(SchedulerConfig) private readonly config: SchedulerConfig,
    metrics: MetricsService,
  ) {
    this.clock = new ScheduleClock(config.IMPORT_CRON, config.IMPORT_TIME_ZONE);
    this.queued = new Counter({ name: 'scheduled_imports_total', help: 'Scheduled imports by result (queued, already_queued, busy, failed)', labelNames: ['result'], registers: [metrics.registry] });
    const clock = this.clock;
    new Gauge({
      name: 'scheduled_import_next_timestamp_seconds',
      help: 'When the next daily import fires (Unix seconds), in IMPORT_TIME_ZONE',
      registers: [metrics.registry],
      collect() {
        this.set(clock.nextAfter(new Date()).getTime() / 1000);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const job = CronJob.from({ cronTime: this.config.IMPORT_CRON, timeZone: this.config.IMPORT_TIME_ZONE, onTick: () => this.onTick(), start: false });
    this.registry.addCronJob(JOB_NAME, job);
    await this.renewLease();
    this.renewal = setInterval(() => void this.renewLease(), Math.floor(this.config.LEASE_TTL_MS / 3));
    job.start();
    this.logger.log({ cron: this.config.IMPORT_CRON, timeZone: this.config.IMPORT_TIME_ZONE, next: this.clock.nextAfter(new Date()).toISOString() }, 'daily import scheduled');
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.renewal);
    if (this.registry.doesExist('cron', JOB_NAME)) await this.registry.getCronJob(JOB_NAME).stop();
    await this.running;
  }

  /** The tick: the leader queues the day's imports. */
  private onTick(): void {
    if (!this.lease.isLeader()) return;
    void this.runOnce(this.clock.dayOf(new Date()));
  }

  /** Keeps or takes the lead; a new leader catches up a firing the old one missed. */
  private async renewLease(): Promise<void> {
    try {
      const { leader, lastDay } = await this.lease.tryAcquire();
      if (!leader) return;
      const missed = this.clock.lastFiringBefore(new Date());
      if (!missed) return;
      const day = this.clock.dayOf(missed);
      // A first deployment starts counting now rather than importing at once.
      if (lastDay === undefined) await this.lease.markDay(day);
      else if (lastDay < day) await this.runOnce(day);
    } catch (error) {
      this.logger.warn({ error: internalDescription(error) }, 'lease renewal failed; will retry');
    }
  }

  private runOnce(day: string): Promise<void> {
    this.running ??= this.queueDay(day).finally(() => (this.running = undefined));
    return this.running;
  }

  private async queueDay(day: string): Promise<void> {
    let tenants: string[];
    try {
      tenants = await this.tenants.list();
    } catch (error) {
      this.logger.error({ day, error: internalDescription(error) }, 'could not list tenants for the daily import; the next lease renewal retries');
      return;
    }
    for (const tenantId of tenants) {
      if (!this.lease.isLeader()) return;
      const runId = uuidV5(`${tenantId}:${day}`, SCHEDULED_RUN_NAMESPACE);
      try {
        const result = await this.imports.queue({ tenantId, trigger: 'scheduled', mode: 'incremental', runId });
        const outcome = 'reserved' in result ? 'queued' : 'exists' in result ? 'already_queued' : 'busy';
        this.queued.inc({ result: outcome });
        if (outcome === 'busy') this.logger.warn({ tenantId, day, runningRunId: 'running' in result ? result.running : undefined }, 'an import is already running; today\'s scheduled import is skipped');
      } catch (error) {
        this.queued.inc({ result: 'failed' });
        this.logger.error({ tenantId, day, error: internalDescription(error) }, 'scheduled import not queued');
      }
    }
    await this.lease.markDay(day);
    this.logger.log({ day, tenants: tenants.length }, 'daily import queued');
  }
}
