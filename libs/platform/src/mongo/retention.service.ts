import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';

/**
 * Deletes documents once their expiry field is in the past, with a TTL index: the server's
 * TTL monitor does the deleting (every 60 s by default), so no service sweeps. Every MongoDB
 * this project supports (6.0 locally, 7+ in production) has TTL indexes.
 */
@Injectable()
export class RetentionService {
  /** `field` holds the moment the document expires (TTL index with expireAfterSeconds 0). */
  async expireBy(model: Model<any>, field: string): Promise<void> {
    // Query served: the server's TTL monitor scans `field`.
    await model.collection.createIndex({ [field]: 1 }, { expireAfterSeconds: 0, name: `${field}_ttl` });
  }
}
