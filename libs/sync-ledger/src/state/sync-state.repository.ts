import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation } from 'mongodb';
import { Model } from 'mongoose';
import { GroupedBulkWrite, GroupedLookup } from '@icims-sync/platform';
import type { FieldStates } from '@icims-sync/mapping';
import { SyncStateDocument } from './sync-state.schema';

export interface SyncedEntry {
  icimsId: string;
  employeeId: string;
  hash: string;
  /** The employee was created by this sync. */
  created: boolean;
}

/** `sync_state`: per (tenant, person), a hash of what each direction last wrote. */
@Injectable()
export class SyncStateRepository {
  /** Hires arriving together, and a page of an import, share one command. */
  private readonly writes: GroupedBulkWrite<SyncStateDocument>;
  /** Hires and saves arriving together share one `$in` query for their field states. */
  private readonly fieldLookups: GroupedLookup<SyncStateDocument>;

  constructor(@InjectModel(SyncStateDocument.name) private readonly states: Model<SyncStateDocument>) {
    this.writes = new GroupedBulkWrite(states);
    this.fieldLookups = new GroupedLookup(states, { icimsId: 1, fields: 1 });
  }

  /** Records what an import wrote: one document per person (inserted with its field states before the write to HR). */
  async recordImported(tenantId: string, runId: string, entries: SyncedEntry[]): Promise<void> {
    const at = new Date();
    await Promise.all(entries.map((entry) => this.writes.write(importedStateUpsert(tenantId, runId, entry, at))));
  }

  async find(tenantId: string, icimsId: string): Promise<SyncStateDocument | null> {
    return this.states.findById(`${tenantId}:${icimsId}`).lean<SyncStateDocument>();
  }

  /** Each person's field states, by iCIMS id (people never synced are absent). */
  async fieldStatesOf(tenantId: string, icimsIds: readonly string[]): Promise<Map<string, FieldStates>> {
    const documents = await Promise.all(icimsIds.map((icimsId) => this.fieldLookups.findById(`${tenantId}:${icimsId}`)));
    return new Map(documents.flatMap((document) => (document ? [[document.icimsId, document.fields ?? {}] as const] : [])));
  }

  /**
   * Records the values both sides hold (or are about to: an import records them before it
   * writes to HR, so HR's save event finds them and is recognised as an echo).
   */
  async recordFields(tenantId: string, entries: { icimsId: string; fields: FieldStates; firstSync?: boolean }[]): Promise<void> {
    await Promise.all(
      entries
        .filter((entry) => Object.keys(entry.fields).length > 0)
        .map(async ({ icimsId, fields, firstSync }) => {
          // A person synced for the first time most likely has no document: inserted, which costs the store less than an upsert.
          if (firstSync && (await this.writes.insertIfAbsent({ _id: `${tenantId}:${icimsId}`, tenantId, icimsId, fields }))) return;
          await this.writes.write({
            updateOne: {
              filter: { _id: `${tenantId}:${icimsId}` },
              update: { $set: { tenantId, icimsId, ...Object.fromEntries(Object.entries(fields).map(([field, state]) => [`fields.${field}`, state])) } },
              upsert: true,
            },
          });
        }),
    );
  }
}

/** The upsert that records one person's imported state (inside a transaction, where an upsert costs no journal wait of its own). */
export function importedStateUpsert(tenantId: string, runId: string, { icimsId, employeeId, hash }: SyncedEntry, at: Date): AnyBulkWriteOperation<SyncStateDocument> {
  return { updateOne: { filter: { _id: `${tenantId}:${icimsId}` }, update: { $set: { tenantId, icimsId, employeeId, import: { hash, at, runId } } }, upsert: true } };
}
