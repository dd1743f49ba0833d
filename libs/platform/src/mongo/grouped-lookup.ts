import type { Document } from 'mongodb';
import type { Model } from 'mongoose';
import { GroupCommit } from '../batching/group-commit';

/** Ids per `$in` query. */
const MAX_IDS = 1_000;

/**
 * Lookups by `_id` from many concurrent callers, one `find({_id: {$in}})` for those arriving
 * together (the read side of `GroupedBulkWrite`): a hire costs the store a share of a query
 * instead of a query of its own.
 */
export class GroupedLookup<T extends Document & { _id: string }> {
  private readonly lookups: GroupCommit<string, T | null>;

  constructor(
    private readonly model: Model<T>,
    /** The fields callers need; `_id` alone answers "is it there". */
    private readonly projection: Record<string, 0 | 1> = { _id: 1 },
  ) {
    this.lookups = new GroupCommit((ids) => this.findAll(ids), MAX_IDS);
  }

  findById(id: string): Promise<T | null> {
    return this.lookups.submit(id);
  }

  private async findAll(ids: string[]): Promise<(T | null)[]> {
    const found = await this.model.collection.find({ _id: { $in: [...new Set(ids)] } } as never, { projection: this.projection }).toArray();
    const byId = new Map(found.map((document) => [String(document._id), document as unknown as T]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
