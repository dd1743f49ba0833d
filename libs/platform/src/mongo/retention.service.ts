import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Model } from 'mongoose';

/** MongoDB's "NotImplemented"; FerretDB answers it to `expireAfterSeconds`. */
const NOT_IMPLEMENTED = 238;
/**
 * Retention is counted in days, so a sweep an hour late changes nothing. FerretDB 1.x scans
 * the whole collection for each sweep: once a minute, that was a third of the store's CPU
 * during a 100,000-person import.
 */
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Deletes documents once their expiry field is in the past. MongoDB does it with a TTL
 * index; where the server has none (FerretDB 1.x), a periodic sweep does the same.
 */
@Injectable()
export class RetentionService implements OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private readonly sweeps: NodeJS.Timeout[] = [];

  /** `field` holds the moment the document expires (TTL index with expireAfterSeconds 0). */
  async expireBy(model: Model<any>, field: string): Promise<void> {
    const collection = model.collection;
    try {
      // Query served: the server's TTL monitor scans `field`.
      await collection.createIndex({ [field]: 1 }, { expireAfterSeconds: 0, name: `${field}_ttl` });
    } catch (error) {
      if ((error as { code?: number }).code !== NOT_IMPLEMENTED) throw error;
      // Query served: the sweep's range delete on `field`.
      await collection.createIndex({ [field]: 1 }, { name: `${field}_sweep` });
      this.logger.warn({ collection: collection.collectionName }, 'server has no TTL indexes; expiring by periodic sweep');
      const sweep = setInterval(() => void this.sweep(model, field), SWEEP_EVERY_MS);
      sweep.unref();
      this.sweeps.push(sweep);
    }
  }

  async sweep(model: Model<any>, field: string): Promise<number> {
    try {
      const { deletedCount } = await model.deleteMany({ [field]: { $lt: new Date() } });
      return deletedCount;
    } catch (error) {
      this.logger.warn({ err: error, collection: model.collection.collectionName }, 'retention sweep failed; will retry');
      return 0;
    }
  }

  onApplicationShutdown(): void {
    for (const sweep of this.sweeps) clearInterval(sweep);
  }
}
