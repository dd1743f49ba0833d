import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ConnectFailureReason, HrProfile, IcimsRegion, InboundMethod, OutboundMethod } from '@icims-sync/contracts';
import { SealedSecret } from '../crypto/envelope-cipher';

/**
 * How icims-sync calls iCIMS for this tenant, possibly half filled in (the form saves as
 * it goes). `secret` is the client secret or HMAC key.
 */
export interface OutboundCredentials {
  method: OutboundMethod;
  region: IcimsRegion;
  clientId?: string;
  username?: string;
  secret?: SealedSecret;
  /** Last 4 characters, the only part of a secret ever shown again. */
  secretHint?: string;
}

/** The last Connect test; `owner_invalid` is derived, not stored. */
export interface ConnectionStatus {
  state: 'not_connected' | 'connected' | 'error';
  reason?: ConnectFailureReason;
  message?: string;
  checkedAt?: Date;
}

/** The last time the owner was checked against the HR system. */
export interface OwnerCheck {
  valid: boolean;
  message?: string;
  checkedAt: Date;
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
  @Prop({ type: String, required: true, default: 'hrcloud' }) profile!: HrProfile;
  /** Top-level copy for the inbound route by customer id; absent until credentials exist. */
  @Prop() customerId?: string;
  /** The customer id a Connect last passed with: its people may be linked to employees, so moving away needs confirming. */
  @Prop() linkedCustomerId?: string;
  @Prop({ type: Object }) consent?: { acceptedAt: Date; userId: string; displayName: string };
  @Prop({ type: Object }) outbound?: OutboundCredentials;
  @Prop({ type: Object }) inbound?: InboundCredentials;
  @Prop({ type: [String], default: [] }) hiredStatusIds!: string[];
  @Prop({ type: Object, default: { autoImport: true, autoExport: true } }) toggles!: { autoImport: boolean; autoExport: boolean };
  @Prop({ type: Object, default: { state: 'not_connected' } }) status!: ConnectionStatus;
  @Prop({ type: Object }) owner?: { userId: string; displayName: string };
  @Prop({ type: Object }) ownerCheck?: OwnerCheck;
  @Prop({ type: Object }) fieldIds?: Record<string, string>;
  createdAt?: Date;
  updatedAt?: Date;
}

export const ConnectionSchema = SchemaFactory.createForClass(ConnectionDocument);
