import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { SyncStateDocument } from './sync-state.schema';

export interface SyncedEntry {
  icimsId: string;
  employeeId: string;
  hash: string;
}

/** `sync_state`: per (tenant, person), a hash of what each direction last wrote. */
@Injectable()
export class SyncStateRepository {
  constructor(@InjectModel(SyncStateDocument.name) private readonly states: Model<SyncStateDocument>) {}

  /** Records what an import wrote (or found already equal) for each entry; one round trip. */
  async recordImported(tenantId: string, runId: string, entries: SyncedEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = new Date();
    await this.states.bulkWrite(
      entries.map((entry) => ({
        updateOne: {
          filter: { _id: `${tenantId}:${entry.icimsId}` },
          update: { $set: { tenantId, icimsId: entry.icimsId, employeeId: entry.employeeId, import: { hash: entry.hash, at, runId } } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  async find(tenantId: string, icimsId: string): Promise<SyncStateDocument | null> {
    return this.states.findById(`${tenantId}:${icimsId}`).lean<SyncStateDocument>();
  }
}
