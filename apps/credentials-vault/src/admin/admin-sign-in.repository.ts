import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Actor } from './actor.decorator';
import { AdminSignInDocument } from './admin-sign-in.schema';

/** Everyone who signs in joins the list of names an owner can be chosen from. */
@Injectable()
export class AdminSignInRepository implements OnModuleInit {
  constructor(@InjectModel(AdminSignInDocument.name) private readonly model: Model<AdminSignInDocument>) {}

  async onModuleInit(): Promise<void> {
    // Query served: the owner candidates of one tenant.
    await this.model.collection.createIndex({ tenantId: 1 }, { name: 'tenant' });
  }

  async record(tenantId: string, actor: Actor): Promise<void> {
    await this.model.updateOne(
      { _id: `${tenantId}:${actor.userId}` },
      { $set: { tenantId, userId: actor.userId, displayName: actor.displayName, lastSignInAt: new Date() } },
      { upsert: true },
    );
  }

  find(tenantId: string, userId: string): Promise<AdminSignInDocument | null> {
    return this.model.findById(`${tenantId}:${userId}`).lean<AdminSignInDocument>();
  }

  list(tenantId: string): Promise<AdminSignInDocument[]> {
    return this.model.find({ tenantId }).sort({ displayName: 1 }).limit(500).lean<AdminSignInDocument[]>();
  }
}
