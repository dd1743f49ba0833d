import { HrProfile, IcimsRegion, InboundMethod, OutboundMethod } from './icims-settings.dto';

export type ConnectionState = 'not_connected' | 'connected' | 'error' | 'owner_invalid';

/** Why a Connect test failed, told apart so the admin knows what to fix. */
export const CONNECT_FAILURE_REASONS = ['BAD_CREDENTIALS', 'FORBIDDEN', 'CUSTOMER_NOT_FOUND', 'UNREACHABLE', 'ICIMS_ERROR', 'RATE_LIMITED'] as const;
export type ConnectFailureReason = (typeof CONNECT_FAILURE_REASONS)[number];

/** Why automatic sync is not running for a tenant, when it is not. */
export const SYNC_PAUSE_REASONS = ['not_enabled', 'not_connected', 'owner_invalid', 'no_owner', 'toggled_off'] as const;
export type SyncPauseReason = (typeof SYNC_PAUSE_REASONS)[number];

export interface ConnectResult {
  status: 'connected' | 'error';
  reason?: ConnectFailureReason;
  message: string;
  checkedAt: string;
}

/** A tenant's iCIMS settings page. Secrets appear only as a masked hint. */
export interface IcimsSettingsView {
  tenantId: string;
  profile: HrProfile;
  consent: { acceptedAt: string; userId: string; displayName: string } | null;
  credentials: {
    method: OutboundMethod;
    region: IcimsRegion;
    customerId?: string;
    clientId?: string;
    username?: string;
    /** `****` plus the secret's last 4 characters. */
    secretHint?: string;
    /** Fields still needed before Connect can run. */
    missingFields: string[];
  } | null;
  connection: { state: ConnectionState; reason?: string; message?: string; checkedAt?: string };
  owner: { userId: string; displayName: string; valid: boolean; message?: string } | null;
  toggles: { autoImport: boolean; autoExport: boolean };
  automaticSync: { import: boolean; export: boolean; pausedReason?: SyncPauseReason; message?: string };
  inbound: { method: InboundMethod; identity: string; createdAt: string } | null;
  hiredStatusIds: string[];
  /** The iCIMS field id behind each synced value as the tenant runs it, and which of them are the tenant's own. */
  fieldIds: { effective: Record<string, string>; overrides: Record<string, string> };
  updatedAt?: string;
}

/** Generated inbound material: the only time the secret is ever shown. */
export interface InboundMaterialView {
  method: InboundMethod;
  /** Basic/HMAC username, or the OAuth client id. */
  identity: string;
  /** Password, HMAC key or client secret. Store it in iCIMS now: it is not shown again. */
  secret: string;
  webhookPath: string;
  tokenPath?: string;
}

/** An HR admin who has signed in, and whether they may own the connection now. */
export interface OwnerCandidateView {
  userId: string;
  displayName: string;
  lastSignInAt: string;
  eligible: boolean;
  reason?: string;
}

/** One entry of `config_changes`: who changed which setting, when. Never a secret value. */
export interface ConfigChangeView {
  at: string;
  actor: { userId: string; displayName: string };
  action: string;
  /** Setting name → new value; secret settings show `"(changed)"`. */
  changes: Record<string, unknown>;
}

/**
 * The gateway tells the vault who is acting (after checking their JWT and HR role) in
 * these headers; the vault trusts them only with the service token.
 */
export const ACTOR_HEADERS = { userId: 'x-actor-id', displayName: 'x-actor-name' } as const;
