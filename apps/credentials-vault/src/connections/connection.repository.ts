import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession } from 'mongodb';
import { Model, UpdateQuery } from 'mongoose';
import { ConnectionDocument } from './connection.schema';

/** The vault's `connections` collection; nothing outside the vault reads it. */
@Injectable()
export class ConnectionRepository implements OnModuleInit {
  constructor(@InjectModel(ConnectionDocument.name) private readonly model: Model<ConnectionDocument>) {}

  async onModuleInit(): Promise<void> {
    // Query served: inbound webhooks routed by iCIMS customer id (one tenant per customer).
    await this.model.collection.createIndex({ customerId: 1 }, { unique: true, sparse: true, name: 'customerId_unique' });
    // Query served: the inbound OAuth token endpoint looks the tenant up by client id.
    await this.model.collection.createIndex({ 'inbound.identity': 1 }, { sparse: true, name: 'inbound_identity' });
  }

  find(tenantId: string): Promise<ConnectionDocument | null> {
    return this.model.findById(tenantId).lean<ConnectionDocument>();
  }

  findByCustomerId(customerId: string): Promise<ConnectionDocument | null> {
    return this.model.findOne({ customerId }).lean<ConnectionDocument>();
  }

  findByInboundIdentity(identity: string): Promise<ConnectionDocument | null> {
    return this.model.findOne({ 'inbound.identity': identity }).lean<ConnectionDocument>();
  }

  /** With a session, inside its transaction (a setting and its `config_changes` line). */
  async update(tenantId: string, update: UpdateQuery<ConnectionDocument>, session?: ClientSession): Promise<ConnectionDocument> {
    return (await this.model.findByIdAndUpdate(tenantId, update, { new: true, upsert: true, setDefaultsOnInsert: true, session }).lean<ConnectionDocument>())!;
  }

  /** Enabled, connected tenants with automatic import switched on (owner not yet checked). */
  findAutoImportCandidates(): Promise<ConnectionDocument[]> {
    // A full scan: run once a day by the scheduler, over one document per tenant.
    return this.model.find({ enabled: true, 'status.state': 'connected', 'toggles.autoImport': true }).sort({ _id: 1 }).lean<ConnectionDocument[]>();
  }

  /** Every connection, one at a time (for rewrap). */
  all(): AsyncIterable<ConnectionDocument> {
    return this.model.find().sort({ _id: 1 }).lean<ConnectionDocument[]>().cursor() as unknown as AsyncIterable<ConnectionDocument>;
  }
}
