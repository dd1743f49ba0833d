import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Claim, ProcessedEventStore } from '../kafka/batch-consumer';
import { InsertOnce } from '../mongo/insert-once';
import { RetentionService } from '../mongo/retention.service';
import { ProcessedEvent } from './processed-event.schema';

export const PROCESSED_EVENTS_TTL_DAYS = Symbol('PROCESSED_EVENTS_TTL_DAYS');

const DAY_MS = 86_400_000;

/** Remembers handled ids for the dedupe window (DESIGN: 7 days or more). */
@Injectable()
export class ProcessedEventRepository implements ProcessedEventStore, OnModuleInit {
  private readonly inserts: InsertOnce<ProcessedEvent>;

  constructor(
    @InjectModel(ProcessedEvent.name) private readonly model: Model<ProcessedEvent>,
    private readonly retention: RetentionService,
    @Inject(PROCESSED_EVENTS_TTL_DAYS) private readonly ttlDays: number,
  ) {
    this.inserts = new InsertOnce(model);
  }

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

  /** False when it was there. */
  private insertOnce(key: string, scope: string): Promise<boolean> {
    const processedAt = new Date();
    return this.inserts.insert({ _id: key, scope, processedAt, expiresAt: new Date(processedAt.getTime() + this.ttlDays * DAY_MS) });
  }
}

const CLAIM_SUFFIX = '#claimed';

function keyOf(scope: string, id: string): string {
  return `${scope}:${id}`;
}
