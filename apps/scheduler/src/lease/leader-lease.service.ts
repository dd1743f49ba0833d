import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@icims-sync/platform';
import { SchedulerConfig } from '../config/app.config';
import { LeaseDocument } from './lease.schema';

export const DAILY_IMPORT_LEASE = 'scheduler.daily-import';

/**
 * Leader election on a Mongo lease: one compare-and-set document, renewed well before it
 * expires. Leadership is trusted only until the lease's own expiry, so a paused or
 * partitioned leader stops acting before anyone else can start.
 */
@Injectable()
export class LeaderLease implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LeaderLease.name);
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private leaderUntil = 0;

  constructor(
    @InjectModel(LeaseDocument.name) private readonly leases: Model<LeaseDocument>,
    @Inject(SchedulerConfig) private readonly config: SchedulerConfig,
  ) {}

  isLeader(): boolean {
    return Date.now() < this.leaderUntil;
  }

  /** Takes or renews the lease; true when this replica leads. `onGained` runs when leadership is newly won. */
  async tryAcquire(name = DAILY_IMPORT_LEASE): Promise<{ leader: boolean; gained: boolean; lastDay?: string }> {
    const wasLeader = this.isLeader();
    const startedAt = Date.now();
    const expiresAt = new Date(startedAt + this.config.LEASE_TTL_MS);
    try {
      const lease = await this.leases
        .findOneAndUpdate({ _id: name, $or: [{ holder: this.holder }, { expiresAt: { $lt: new Date(startedAt) } }] }, { $set: { holder: this.holder, expiresAt } }, { upsert: true, new: true })
        .lean<LeaseDocument>();
      this.leaderUntil = startedAt + this.config.LEASE_TTL_MS;
      if (!wasLeader) this.logger.log({ holder: this.holder }, 'became the leader');
      return { leader: true, gained: !wasLeader, lastDay: lease?.lastDay };
    } catch (error) {
      // Someone else holds an unexpired lease: the upsert collides with their document.
      if (!isDuplicateKey(error)) throw error;
      if (wasLeader) this.logger.warn({ holder: this.holder }, 'lost the lead');
      this.leaderUntil = 0;
      return { leader: false, gained: false };
    }
  }

  /** Remembers the day the job ran for, as the leader. */
  async markDay(day: string, name = DAILY_IMPORT_LEASE): Promise<void> {
    await this.leases.updateOne({ _id: name, holder: this.holder }, { $set: { lastDay: day } });
  }

  /** A leader that shuts down hands over at once instead of after the TTL. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.isLeader()) return;
    this.leaderUntil = 0;
    await this.leases.updateOne({ _id: DAILY_IMPORT_LEASE, holder: this.holder }, { $set: { expiresAt: new Date(0) } }).catch(() => undefined);
  }
}
