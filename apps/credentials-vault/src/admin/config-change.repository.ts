import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession } from 'mongodb';
import { Model } from 'mongoose';
import { ConfigChangeView } from '@icims-sync/contracts';
import { Actor } from './actor.decorator';
import { ConfigChangeDocument } from './config-change.schema';

/** Marks a secret setting in `config_changes`: that it changed, never what to. */
export const SECRET_CHANGED = '(changed)';

/** The vault's `config_changes` collection: append-only history of settings, written with the setting it describes. */
@Injectable()
export class ConfigChangeRepository implements OnModuleInit {
  constructor(@InjectModel(ConfigChangeDocument.name) private readonly model: Model<ConfigChangeDocument>) {}

  async onModuleInit(): Promise<void> {
    // Query served: a tenant's history, newest first, paged by time.
    await this.model.collection.createIndex({ tenantId: 1, at: -1 }, { name: 'tenant_at' });
  }

  /**
   * Saves a setting and its history line in one transaction, so a crash between the two
   * leaves both or neither. `save` writes the setting with the session it is given; its
   * answer is returned. A retried transaction runs `save` again, so it must only write.
   */
  saveWith<T>(tenantId: string, actor: Actor, action: string, changes: Record<string, unknown>, save: (session: ClientSession) => Promise<T>): Promise<T> {
    return this.model.db.transaction(async (session) => {
      const saved = await save(session);
      await this.model.create([{ tenantId, at: new Date(), actor: { userId: actor.userId, displayName: actor.displayName }, action, changes }], { session });
      return saved;
    });
  }

  async list(tenantId: string, limit: number, before?: Date): Promise<ConfigChangeView[]> {
    const filter = before ? { tenantId, at: { $lt: before } } : { tenantId };
    const documents = await this.model.find(filter).sort({ at: -1 }).limit(limit).lean<ConfigChangeDocument[]>();
    return documents.map(({ at, actor, action, changes }) => ({ at: at.toISOString(), actor, action, changes }));
  }
}
