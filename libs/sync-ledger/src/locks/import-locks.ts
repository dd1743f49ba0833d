import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@icims-sync/platform';
import { ImportLockDocument } from './import-lock.schema';

/** How long a tenant's import lock holds without a word from whoever holds it. */
export interface ImportLeaseTimes {
  /** From queueing until a consumer picks the run up (covers a requester dying before it published). */
  queuedMs: number;
  /** Renewed by the consumer running the import, at a third of this. */
  runningMs: number;
}

export const IMPORT_LEASE_TIMES = Symbol('IMPORT_LEASE_TIMES');
export const DEFAULT_IMPORT_LEASE_TIMES: ImportLeaseTimes = { queuedMs: 120_000, runningMs: 60_000 };

/** The `import_locks` collection: take, renew and release a tenant's lease. */
@Injectable()
export class ImportLocks implements OnModuleInit {
  constructor(
    @InjectModel(ImportLockDocument.name) private readonly locks: Model<ImportLockDocument>,
    @Inject(IMPORT_LEASE_TIMES) readonly times: ImportLeaseTimes,
  ) {}

  async onModuleInit(): Promise<void> {
    // Query served: the abandoned-run sweep's "leases lapsed before now".
    await this.locks.collection.createIndex({ leaseUntil: 1 }, { name: 'lease_until' });
    // Locks of an earlier release had no lease: they hold as long as a queued run's would.
    await this.locks.updateMany({ leaseUntil: { $exists: false } }, [{ $set: { leaseUntil: { $add: ['$lockedAt', this.times.queuedMs] } } }]);
  }

  /** False when the tenant's lock is held. */
  async take(tenantId: string, runId: string, now = new Date()): Promise<boolean> {
    try {
      await this.locks.create({ _id: tenantId, runId, lockedAt: now, leaseUntil: new Date(now.getTime() + this.times.queuedMs) });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  holder(tenantId: string): Promise<ImportLockDocument | null> {
    return this.locks.findById(tenantId).lean<ImportLockDocument>();
  }

  /** Extends the run's lease (by `runningMs` unless told); false when the run no longer holds the lock. */
  async renew(tenantId: string, runId: string, forMs = this.times.runningMs): Promise<boolean> {
    const { matchedCount } = await this.locks.updateOne({ _id: tenantId, runId }, { $set: { leaseUntil: new Date(Date.now() + forMs) } });
    return matchedCount === 1;
  }

  /** Locks whose lease ran out before `now`, oldest first. */
  lapsed(now: Date, limit: number): Promise<ImportLockDocument[]> {
    return this.locks.find({ leaseUntil: { $lt: now } }).sort({ leaseUntil: 1 }).limit(limit).lean<ImportLockDocument[]>();
  }

  /** Frees the tenant if `runId` holds it; with `lapsedBefore`, only if not renewed since. */
  async release(tenantId: string, runId: string, lapsedBefore?: Date): Promise<void> {
    await this.locks.deleteOne({ _id: tenantId, runId, ...(lapsedBefore ? { leaseUntil: { $lt: lapsedBefore } } : {}) });
  }
}
