import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Claim, ProcessedEventStore } from '../kafka/batch-consumer';
import { GroupCommit } from '../batching/group-commit';
import { BULK_WRITE_CHUNK } from '../mongo/bulk.util';
import { duplicateIndexesOf } from '../mongo/duplicate-key.util';
import { RetentionService } from '../mongo/retention.service';
import { ProcessedEvent } from './processed-event.schema';

export const PROCESSED_EVENTS_TTL_DAYS = Symbol('PROCESSED_EVENTS_TTL_DAYS');

const DAY_MS = 86_400_000;

/** Remembers handled ids for the dedupe window (DESIGN: 7 days or more). */
@Injectable()
export class ProcessedEventRepository implements ProcessedEventStore, OnModuleInit {
  private readonly inserts = new GroupCommit<{ key: string; scope: string }, boolean>((entries) => this.insertAll(entries), BULK_WRITE_CHUNK);

  constructor(
    @InjectModel(ProcessedEvent.name) private readonly model: Model<ProcessedEvent>,
    private readonly retention: RetentionService,
    @Inject(PROCESSED_EVENTS_TTL_DAYS) private readonly ttlDays: number,
  ) {}

  async onModuleInit(): Promise<void> {
    // `_id` is unique by itself; the only other query is expiry.
    await this.retention.expireBy(this.model, 'expiresAt');
  }

  /**
   * An insert, so the common case (an id never seen) costs no lookup: FerretDB 1.x scans the
   * whole collection to find a missing `_id`. Only a claim seen before is looked up.
   */
  async claim(scope: string, id: string): Promise<Claim> {
    if (await this.insertOnce(`${keyOf(scope, id)}${CLAIM_SUFFIX}`, scope)) return 'new';
    return (await this.isProcessed(scope, id)) ? 'processed' : 'unfinished';
  }

  async isProcessed(scope: string, id: string): Promise<boolean> {
    return (await this.model.exists({ _id: keyOf(scope, id) })) !== null;
  }

  async markProcessed(scope: string, id: string): Promise<void> {
    await this.insertOnce(keyOf(scope, id), scope);
  }

  /**
   * Insert-if-absent (an upsert scans the collection on FerretDB 1.x); false when it was
   * there. Concurrent callers share one unordered insert, which reports each duplicate.
   */
  private insertOnce(key: string, scope: string): Promise<boolean> {
    return this.inserts.submit({ key, scope });
  }

  private async insertAll(entries: { key: string; scope: string }[]): Promise<boolean[]> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.ttlDays * DAY_MS);
    try {
      await this.model.insertMany(
        entries.map(({ key, scope }) => ({ _id: key, scope, processedAt: now, expiresAt })),
        { ordered: false, lean: true },
      );
      return entries.map(() => true);
    } catch (error) {
      const duplicates = duplicateIndexesOf(error);
      if (!duplicates) throw error;
      return entries.map((_, index) => !duplicates.includes(index));
    }
  }
}

const CLAIM_SUFFIX = '#claimed';

function keyOf(scope: string, id: string): string {
  return `${scope}:${id}`;
}
