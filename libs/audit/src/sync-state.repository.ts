import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { GroupedBulkWrite } from '@icims-sync/platform';
import { SyncStateDocument } from './sync-state.schema';

export interface SyncedEntry {
  icimsId: string;
  employeeId: string;
  hash: string;
}

/** `sync_state`: per (tenant, person), a hash of what each direction last wrote. */
@Injectable()
export class SyncStateRepository {
  /** Hires arriving together, and a page of an import, share one command. */
  private readonly writes: GroupedBulkWrite<SyncStateDocument>;

  constructor(@InjectModel(SyncStateDocument.name) private readonly states: Model<SyncStateDocument>) {
    this.writes = new GroupedBulkWrite(states);
  }

  /** Records what an import (or a hire) wrote: one upsert per person, created on the first sync. */
  async recordImported(tenantId: string, runId: string, entries: SyncedEntry[]): Promise<void> {
    const at = new Date();
    await Promise.all(
      entries.map(({ icimsId, employeeId, hash }) =>
        this.writes.write({
          updateOne: { filter: { _id: `${tenantId}:${icimsId}` }, update: { $set: { tenantId, icimsId, employeeId, import: { hash, at, runId } } }, upsert: true },
        }),
      ),
    );
  }

  async find(tenantId: string, icimsId: string): Promise<SyncStateDocument | null> {
    return this.states.findById(`${tenantId}:${icimsId}`).lean<SyncStateDocument>();
  }
}
