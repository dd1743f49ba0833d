import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ProcessedEventStore } from '../kafka/batch-consumer';
import { isDuplicateKey } from '../mongo/duplicate-key.util';
import { RetentionService } from '../mongo/retention.service';
import { ProcessedEvent } from './processed-event.schema';

export const PROCESSED_EVENTS_TTL_DAYS = Symbol('PROCESSED_EVENTS_TTL_DAYS');

const DAY_MS = 86_400_000;

/** Remembers handled ids for the dedupe window (DESIGN: 7 days or more). */
@Injectable()
export class ProcessedEventRepository implements ProcessedEventStore, OnModuleInit {
  constructor(
    @InjectModel(ProcessedEvent.name) private readonly model: Model<ProcessedEvent>,
    private readonly retention: RetentionService,
    @Inject(PROCESSED_EVENTS_TTL_DAYS) private readonly ttlDays: number,
  ) {}

  async onModuleInit(): Promise<void> {
    // `_id` is unique by itself; the only other query is expiry.
    await this.retention.expireBy(this.model, 'expiresAt');
  }

  async isProcessed(scope: string, id: string): Promise<boolean> {
    return (await this.model.exists({ _id: keyOf(scope, id) })) !== null;
  }

  /** Insert-if-absent: an insert, because FerretDB 1.x scans the whole collection for an upsert. */
  async markProcessed(scope: string, id: string): Promise<void> {
    const now = new Date();
    try {
      await this.model.create({ _id: keyOf(scope, id), scope, processedAt: now, expiresAt: new Date(now.getTime() + this.ttlDays * DAY_MS) });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}

function keyOf(scope: string, id: string): string {
  return `${scope}:${id}`;
}
