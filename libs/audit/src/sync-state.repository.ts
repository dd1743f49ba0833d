import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { InsertOnce, chunksOf } from '@icims-sync/platform';
import { SyncStateDocument } from './sync-state.schema';

export interface SyncedEntry {
  icimsId: string;
  employeeId: string;
  hash: string;
  /** First sync of this person: inserted, which every Mongo-wire store does cheaply in bulk. */
  created: boolean;
}

/** `sync_state`: per (tenant, person), a hash of what each direction last wrote. */
@Injectable()
export class SyncStateRepository {
  private readonly firstSyncs: InsertOnce<SyncStateDocument>;

  constructor(@InjectModel(SyncStateDocument.name) private readonly states: Model<SyncStateDocument>) {
    this.firstSyncs = new InsertOnce(states);
  }

  /** Records what an import wrote, in bulk. */
  async recordImported(tenantId: string, runId: string, entries: SyncedEntry[]): Promise<void> {
    const at = new Date();
    const documentOf = (entry: SyncedEntry) => ({ _id: `${tenantId}:${entry.icimsId}`, tenantId, icimsId: entry.icimsId, employeeId: entry.employeeId, import: { hash: entry.hash, at, runId } });
    const created = entries.filter((entry) => entry.created);
    const inserted = await Promise.all(created.map((entry) => this.firstSyncs.insert(documentOf(entry))));
    // Linked before (an employee re-created in HR): those are updated instead.
    const toUpdate = [...entries.filter((entry) => !entry.created), ...created.filter((_, index) => !inserted[index])];
    for (const chunk of chunksOf(toUpdate)) {
      await this.states.bulkWrite(
        chunk.map((entry) => {
          const { _id, ...fields } = documentOf(entry);
          return { updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } };
        }),
        { ordered: false },
      );
    }
  }

  async find(tenantId: string, icimsId: string): Promise<SyncStateDocument | null> {
    return this.states.findById(`${tenantId}:${icimsId}`).lean<SyncStateDocument>();
  }
}
