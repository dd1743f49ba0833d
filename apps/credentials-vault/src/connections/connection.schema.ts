import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SealedSecret } from '../crypto/envelope-cipher';
import { IcimsRegion } from './icims-hosts';

export type OutboundMethod = 'oauth2' | 'hmac';
export type InboundMethod = 'basic' | 'hmac' | 'oauth';

/** How icims-sync calls iCIMS for this tenant. `secret` is the client secret or HMAC key. */
export interface OutboundCredentials {
  method: OutboundMethod;
  region: IcimsRegion;
  clientId?: string;
  username?: string;
  secret: SealedSecret;
  /** Last 4 characters, the only part of a secret ever shown again. */
  secretHint: string;
}

/** How iCIMS authenticates its webhooks to us. `secret` is the password, HMAC key or client secret. */
export interface InboundCredentials {
  method: InboundMethod;
  /** Basic/HMAC username, or the OAuth client id. */
  identity: string;
  secret: SealedSecret;
  createdAt: Date;
}

/** One tenant's iCIMS connection: settings, sealed secrets, consent, owner, toggles. `_id` is the tenant id. */
@Schema({ collection: 'connections', versionKey: false, autoIndex: false, timestamps: true })
export class ConnectionDocument {
  @Prop({ type: String, required: true }) _id!: string;
  /** The platform operator's flag: off means the tenant has no iCIMS integration. */
  @Prop({ required: true, default: false }) enabled!: boolean;
  @Prop({ type: String, required: true, default: 'hrcloud' }) profile!: 'hrcloud' | 'namely';
  /** Top-level copy for the inbound route by customer id; absent until credentials exist. */
  @Prop() customerId?: string;
  @Prop({ type: Object }) consent?: { acceptedAt: Date; userId: string; displayName: string };
  @Prop({ type: Object }) outbound?: OutboundCredentials;
  @Prop({ type: Object }) inbound?: InboundCredentials;
  @Prop({ type: [String], default: [] }) hiredStatusIds!: string[];
  @Prop({ type: Object, default: { autoImport: true, autoExport: true } }) toggles!: { autoImport: boolean; autoExport: boolean };
  @Prop({ type: Object, default: { state: 'not_connected' } }) status!: { state: 'not_connected' | 'connected' | 'error' | 'owner_invalid'; code?: string; message?: string; checkedAt?: Date };
  @Prop({ type: Object }) owner?: { userId: string; displayName: string };
  @Prop({ type: Object }) fieldIds?: Record<string, string>;
}

export const ConnectionSchema = SchemaFactory.createForClass(ConnectionDocument);
