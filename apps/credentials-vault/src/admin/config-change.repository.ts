import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ConfigChangeView } from '@icims-sync/contracts';
import { Actor } from './actor.decorator';
import { ConfigChangeDocument } from './config-change.schema';

/** Marks a secret setting in `config_changes`: that it changed, never what to. */
export const SECRET_CHANGED = '(changed)';

/** The vault's `config_changes` collection: append-only history of settings. */
@Injectable()
export class ConfigChangeRepository implements OnModuleInit {
  constructor(@InjectModel(ConfigChangeDocument.name) private readonly model: Model<ConfigChangeDocument>) {}

  async onModuleInit(): Promise<void> {
    // Query served: a tenant's history, newest first, paged by time.
    await this.model.collection.createIndex({ tenantId: 1, at: -1 }, { name: 'tenant_at' });
  }

  async record(tenantId: string, actor: Actor, action: string, changes: Record<string, unknown>): Promise<void> {
    await this.model.create({ tenantId, at: new Date(), actor: { userId: actor.userId, displayName: actor.displayName }, action, changes });
  }

  async list(tenantId: string, limit: number, before?: Date): Promise<ConfigChangeView[]> {
    const filter = before ? { tenantId, at: { $lt: before } } : { tenantId };
    const documents = await this.model.find(filter).sort({ at: -1 }).limit(limit).lean<ConfigChangeDocument[]>();
    return documents.map(({ at, actor, action, changes }) => ({ at: at.toISOString(), actor, action, changes }));
  }
}
