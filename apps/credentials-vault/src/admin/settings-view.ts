import { DEFAULT_ICIMS_FIELD_IDS } from '@icims-sync/mapping';
import { IcimsSettingsView, REQUIRED_CREDENTIAL_FIELDS, TenantSettings } from '@icims-sync/contracts';
import { ConnectionDocument } from '../connections/connection.schema';

/** The owner's standing as last checked against the HR system. */
export interface OwnerStanding {
  valid: boolean;
  message?: string;
}

/** Fields the Connect test still needs, in form order. */
export function missingCredentialFields(connection: ConnectionDocument): string[] {
  const outbound = connection.outbound;
  if (!outbound) return ['method', ...REQUIRED_CREDENTIAL_FIELDS.oauth2];
  const present: Record<string, boolean> = {
    customerId: !!connection.customerId,
    clientId: !!outbound.clientId,
    username: !!outbound.username,
    clientSecret: !!outbound.secret,
    hmacKey: !!outbound.secret,
  };
  return REQUIRED_CREDENTIAL_FIELDS[outbound.method].filter((field) => !present[field]);
}

/** Whether automatic import and export may run now, and if not, the first reason why. */
export function automaticSyncOf(connection: ConnectionDocument, owner: OwnerStanding | undefined): IcimsSettingsView['automaticSync'] {
  const paused = (pausedReason: NonNullable<IcimsSettingsView['automaticSync']['pausedReason']>, message: string) => ({ import: false, export: false, pausedReason, message });
  if (!connection.enabled) return paused('not_enabled', 'the iCIMS integration is not enabled for this tenant');
  if (connection.status.state !== 'connected') return paused('not_connected', 'iCIMS is not connected: save the credentials and press Connect');
  if (!connection.owner) return paused('no_owner', 'the connection has no owner: choose an active HR admin');
  if (!owner?.valid) return paused('owner_invalid', owner?.message ?? 'the owner is no longer an active HR admin');
  const { autoImport, autoExport } = connection.toggles;
  if (!autoImport && !autoExport) return { import: false, export: false, pausedReason: 'toggled_off', message: 'automatic import and export are both switched off' };
  return { import: autoImport, export: autoExport };
}

/** The settings page: everything but secrets, which appear as a masked hint. */
export function toSettingsView(connection: ConnectionDocument, owner: OwnerStanding | undefined): IcimsSettingsView {
  const { outbound, consent, inbound, status } = connection;
  const ownerInvalid = status.state === 'connected' && !!connection.owner && owner?.valid === false;
  return {
    tenantId: connection._id,
    profile: connection.profile,
    consent: consent ? { acceptedAt: new Date(consent.acceptedAt).toISOString(), userId: consent.userId, displayName: consent.displayName } : null,
    credentials: outbound
      ? {
          method: outbound.method,
          region: outbound.region,
          customerId: connection.customerId,
          clientId: outbound.clientId,
          username: outbound.username,
          secretHint: outbound.secretHint,
          missingFields: missingCredentialFields(connection),
        }
      : null,
    connection: ownerInvalid
      ? { state: 'owner_invalid', reason: 'OWNER_INVALID', message: owner?.message, checkedAt: status.checkedAt?.toISOString() }
      : { state: status.state, reason: status.reason, message: status.message, checkedAt: status.checkedAt?.toISOString() },
    owner: connection.owner ? { ...connection.owner, valid: owner?.valid ?? true, message: owner?.message } : null,
    toggles: connection.toggles,
    automaticSync: automaticSyncOf(connection, owner),
    inbound: inbound ? { method: inbound.method, identity: inbound.identity, createdAt: new Date(inbound.createdAt).toISOString() } : null,
    hiredStatusIds: connection.hiredStatusIds,
    fieldIds: { effective: { ...DEFAULT_ICIMS_FIELD_IDS, ...connection.fieldIds }, overrides: connection.fieldIds ?? {} },
    updatedAt: connection.updatedAt?.toISOString(),
  };
}

/** What other services need: no secrets, and whether automatic sync may run. */
export function toTenantSettings(connection: ConnectionDocument, owner: OwnerStanding | undefined, apiBaseUrl: string | undefined): TenantSettings {
  const { message: _forAdmins, ...automaticSync } = automaticSyncOf(connection, owner);
  return {
    tenantId: connection._id,
    enabled: connection.enabled,
    profile: connection.profile,
    customerId: connection.customerId,
    apiBaseUrl,
    hiredStatusIds: connection.hiredStatusIds,
    toggles: connection.toggles,
    status: connection.status.state,
    automaticSync,
    fieldIds: connection.fieldIds ?? {},
  };
}
