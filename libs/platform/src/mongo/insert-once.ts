import { Model } from 'mongoose';
import { GroupCommit } from '../batching/group-commit';
import { BULK_WRITE_CHUNK } from './bulk.util';
import { duplicateIndexesOf } from './duplicate-key.util';

/**
 * Insert-if-absent for many concurrent callers. An insert rather than an upsert, because an
 * upsert scans the whole collection on FerretDB 1.x. Callers arriving while an insert is in
 * flight share the next unordered `insertMany`, which reports each duplicate on its own:
 * one round trip (and one store transaction) for the group instead of one per document.
 */
export class InsertOnce<T> {
  private readonly inserts: GroupCommit<T, boolean>;

  constructor(private readonly model: Model<T>) {
    this.inserts = new GroupCommit((documents) => this.insertAll(documents), BULK_WRITE_CHUNK);
  }

  /**
   * True when inserted; false when a document with the same unique key was there. A document
   * the schema refuses rejects its own caller only, before it joins a group.
   */
  async insert(document: T): Promise<boolean> {
    // The cast copy has no undefined fields, which a lean insert would store as null.
    return this.inserts.submit(await this.model.validate(document));
  }

  private async insertAll(documents: T[]): Promise<boolean[]> {
    try {
      await this.model.insertMany(documents, { ordered: false, lean: true });
      return documents.map(() => true);
    } catch (error) {
      const duplicates = duplicateIndexesOf(error);
      if (!duplicates) throw error;
      return documents.map((_, index) => !duplicates.includes(index));
    }
  }
}
