import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation } from 'mongodb';
import { Model } from 'mongoose';
import { GroupedBulkWrite } from '@icims-sync/platform';
import type { FieldStates } from '@icims-sync/mapping';
import { SyncStateDocument } from './sync-state.schema';

export interface SyncedEntry {
  icimsId: string;
  employeeId: string;
  hash: string;
  /** The employee was created by this sync, so the person most likely has no state yet: inserted, which costs the store less than an upsert. */
  created: boolean;
}

/** `sync_state`: per (tenant, person), a hash of what each direction last wrote. */
@Injectable()
export class SyncStateRepository {
  /** Hires arriving together, and a page of an import, share one command. */
  private readonly writes: GroupedBulkWrite<SyncStateDocument>;

  constructor(@InjectModel(SyncStateDocument.name) private readonly states: Model<SyncStateDocument>) {
    this.writes = new GroupedBulkWrite(states);
  }

  /** Records what an import (or a hire) wrote: one document per person, created on the first sync. */
  async recordImported(tenantId: string, runId: string, entries: SyncedEntry[]): Promise<void> {
    const at = new Date();
    await Promise.all(
      entries.map(async ({ icimsId, employeeId, hash, created }) => {
        const _id = `${tenantId}:${icimsId}`;
        const fields = { tenantId, icimsId, employeeId, import: { hash, at, runId } };
        // An employee re-created in HR for a person synced before finds the state there: updated instead.
        if (created && (await this.writes.insertIfAbsent({ _id, ...fields }))) return;
        await this.writes.write(importedStateUpsert(tenantId, runId, { icimsId, employeeId, hash, created }, at));
      }),
    );
  }

  async find(tenantId: string, icimsId: string): Promise<SyncStateDocument | null> {
    return this.states.findById(`${tenantId}:${icimsId}`).lean<SyncStateDocument>();
  }

  /** Each person's field states, by iCIMS id (people never synced are absent). */
  async fieldStatesOf(tenantId: string, icimsIds: readonly string[]): Promise<Map<string, FieldStates>> {
    if (icimsIds.length === 0) return new Map();
    const documents = await this.states.find({ _id: { $in: icimsIds.map((icimsId) => `${tenantId}:${icimsId}`) } }, { icimsId: 1, fields: 1 }).lean<Pick<SyncStateDocument, 'icimsId' | 'fields'>[]>();
    return new Map(documents.map((document) => [document.icimsId, document.fields ?? {}]));
  }

  /**
   * Records the values both sides hold (or are about to: an import records them before it
   * writes to HR, so HR's save event finds them and is recognised as an echo).
   */
  async recordFields(tenantId: string, entries: { icimsId: string; fields: FieldStates }[]): Promise<void> {
    await Promise.all(
      entries
        .filter((entry) => Object.keys(entry.fields).length > 0)
        .map(({ icimsId, fields }) =>
          this.writes.write({
            updateOne: {
              filter: { _id: `${tenantId}:${icimsId}` },
              update: { $set: { tenantId, icimsId, ...Object.fromEntries(Object.entries(fields).map(([field, state]) => [`fields.${field}`, state])) } },
              upsert: true,
            },
          }),
        ),
    );
  }
}

/** The upsert that records one person's imported state (inside a transaction, where an upsert costs no journal wait of its own). */
export function importedStateUpsert(tenantId: string, runId: string, { icimsId, employeeId, hash }: SyncedEntry, at: Date): AnyBulkWriteOperation<SyncStateDocument> {
  return { updateOne: { filter: { _id: `${tenantId}:${icimsId}` }, update: { $set: { tenantId, icimsId, employeeId, import: { hash, at, runId } } }, upsert: true } };
}
