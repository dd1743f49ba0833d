import type { AnyBulkWriteOperation, BulkWriteResult, Document, MongoBulkWriteError, OptionalId, WriteConcern } from 'mongodb';
import type { Model } from 'mongoose';
import { GroupCommit } from '../batching/group-commit';
import { isDuplicateKey } from './duplicate-key.util';

/** Statements per command; the driver splits larger batches itself (MongoDB takes 100,000). */
const MAX_STATEMENTS = 1_000;

type Outcome = { upserted: boolean } | { error: unknown };

/**
 * One write at a time for the caller, one `bulkWrite` for the store: writes submitted in the
 * same turn, or while a bulk is in flight, go together (unordered). Each caller gets its own
 * result or its own error (a duplicate key, say); a failure of the whole command rejects all.
 * This is what keeps a store write per hire cheap when hundreds arrive each second.
 */
export class GroupedBulkWrite<T extends Document> {
  private readonly writes: GroupCommit<AnyBulkWriteOperation<T>, Outcome>;

  /** Writes go straight to the driver: callers build whole, typed documents, so Mongoose's casting would only cost time. */
  constructor(
    private readonly model: Model<T>,
    /** The collection's own (majority on a replica set) unless a caller can afford to lose a write in a failover. */
    private readonly writeConcern?: WriteConcern,
  ) {
    this.writes = new GroupCommit((operations) => this.writeAll(operations), MAX_STATEMENTS);
  }

  /** Resolves with whether the write inserted a document (an upsert that found none, or an insert). */
  async write(operation: AnyBulkWriteOperation<T>): Promise<boolean> {
    const outcome = await this.writes.submit(operation);
    if ('error' in outcome) throw outcome.error;
    return outcome.upserted;
  }

  /**
   * Inserts a document unless one with its `_id` (or another unique key) is there: true when
   * inserted, false when it was there, which is left as it was. An insert, not a
   * `$setOnInsert` upsert: the server batches the inserts of a command into one storage
   * transaction and runs upserts one statement at a time (measured on mongod 6.0, w:1:
   * 0.07 against 0.18 ms of the server's CPU per document).
   */
  async insertIfAbsent(document: OptionalId<T>): Promise<boolean> {
    try {
      return await this.write({ insertOne: { document } });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async writeAll(operations: AnyBulkWriteOperation<T>[]): Promise<Outcome[]> {
    try {
      return outcomesOf(operations, await this.model.collection.bulkWrite(operations as AnyBulkWriteOperation[], { ordered: false, writeConcern: this.writeConcern }));
    } catch (error) {
      const failures = (error as Partial<MongoBulkWriteError>).writeErrors;
      const result = (error as Partial<MongoBulkWriteError>).result;
      // Nothing to tell apart: the command as a whole failed (the store is down, say).
      if (!failures || !result) throw error;
      const failed = new Map((Array.isArray(failures) ? failures : [failures]).map((failure) => [failure.index, failure]));
      return outcomesOf(operations, result).map((outcome, index) => (failed.has(index) ? { error: failed.get(index) } : outcome));
    }
  }
}

function outcomesOf<T extends Document>(operations: AnyBulkWriteOperation<T>[], result: BulkWriteResult): Outcome[] {
  const upserted = new Set(Object.keys(result.upsertedIds).map(Number));
  return operations.map((operation, index) => ({ upserted: upserted.has(index) || 'insertOne' in operation }));
}
