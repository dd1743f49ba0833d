import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Collection, Connection } from 'mongoose';
import { SharedBudgetStore } from '@icims-sync/icims-client';
import { isDuplicateKey } from '@icims-sync/platform';

interface BudgetDay {
  /** `tenantId:yyyy-mm-dd` (UTC). */
  _id: string;
  used: number;
  expiresAt: Date;
}

/** A day's count is kept a day past its end, then deleted by TTL. */
const KEEP_MS = 2 * 86_400_000;
const ATTEMPTS = 3;

/**
 * `icims_budget`: one document per tenant and UTC day holding what every replica has taken,
 * moved by a conditional `$inc`, so no replica can take past the day's ceiling.
 */
@Injectable()
export class MongoBudgetStore implements SharedBudgetStore, OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get days(): Collection<BudgetDay> {
    return this.connection.collection<BudgetDay>('icims_budget');
  }

  async onModuleInit(): Promise<void> {
    await this.days.createIndex({ expiresAt: 1 }, { name: 'expiresAt_ttl', expireAfterSeconds: 0 });
  }

  /** What every replica has taken of a tenant's day (blocks included that a replica took and has not spent yet). */
  async usedOn(tenantId: string, day: string): Promise<number> {
    return (await this.days.findOne({ _id: `${tenantId}:${day}` }, { projection: { used: 1 } }))?.used ?? 0;
  }

  async reserve(tenantId: string, day: string, want: number, ceiling: number): Promise<number> {
    const _id = `${tenantId}:${day}`;
    for (let attempt = 0; attempt < ATTEMPTS && want > 0; attempt += 1) {
      try {
        // Matches only while `want` more still fits; otherwise the upsert's insert collides with the day's document.
        const taken = await this.days.findOneAndUpdate(
          { _id, used: { $lte: ceiling - want } },
          { $inc: { used: want }, $setOnInsert: { expiresAt: new Date(Date.parse(`${day}T00:00:00Z`) + KEEP_MS) } },
          { upsert: true, returnDocument: 'after', projection: { _id: 1 } },
        );
        if (taken) return want;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const current = await this.days.findOne({ _id }, { projection: { used: 1 } });
      want = Math.min(want, ceiling - (current?.used ?? 0));
    }
    return 0;
  }
}
