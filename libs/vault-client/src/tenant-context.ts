import { TenantSettings } from '@icims-sync/contracts';
import { IcimsTenant } from '@icims-sync/icims-client';
import { IcimsFieldIds, resolveFieldIds } from '@icims-sync/mapping';

/** What syncing a tenant's people needs: who, where, and which iCIMS field ids. */
export interface TenantContext {
  tenant: IcimsTenant;
  settings: TenantSettings & { apiBaseUrl: string; customerId: string };
  fieldIds: IcimsFieldIds;
}

export type TenantContextResult = { ok: true; context: TenantContext } | { ok: false; outcome: 'skipped' | 'errored'; reason: string; details: string[] };

/** Why the tenant's people cannot be synced now, or the context to sync them with. */
export function tenantContextOf(settings: TenantSettings | undefined, tenantId: string): TenantContextResult {
  if (!settings) return { ok: false, outcome: 'skipped', reason: 'TENANT_UNKNOWN', details: [] };
  if (!settings.enabled) return { ok: false, outcome: 'skipped', reason: 'TENANT_DISABLED', details: [] };
  if (!settings.apiBaseUrl || !settings.customerId || settings.status !== 'connected') return { ok: false, outcome: 'skipped', reason: 'NOT_CONNECTED', details: [] };
  const fieldIds = resolveFieldIds(settings.fieldIds);
  if (!fieldIds.ok) return { ok: false, outcome: 'errored', reason: 'BAD_FIELD_IDS', details: fieldIds.invalid };
  const connected = settings as TenantContext['settings'];
  return { ok: true, context: { tenant: { tenantId, customerId: connected.customerId }, settings: connected, fieldIds: fieldIds.fieldIds } };
}

/** `PAUSED_OWNER_INVALID`, `PAUSED_NOT_CONNECTED`..., or `AUTO_IMPORT_OFF` (`AUTO_EXPORT_OFF`) when only that toggle is off. */
export function pauseReasonOf(settings: TenantSettings, direction: 'import' | 'export' = 'import'): string {
  const reason = settings.automaticSync.pausedReason;
  return reason ? `PAUSED_${reason.toUpperCase()}` : `AUTO_${direction.toUpperCase()}_OFF`;
}
