import { HrProfile } from './admin/icims-settings.dto';
import { SyncPauseReason } from './admin/icims-settings.view';

/**
 * A tenant's connection settings as the vault serves them to other services
 * (`GET /internal/tenants/{id}/settings`). Never a secret.
 */
export interface TenantSettings {
  tenantId: string;
  enabled: boolean;
  profile: HrProfile;
  customerId?: string;
  /** The tenant's iCIMS API origin (region host, or the sandbox). */
  apiBaseUrl?: string;
  hiredStatusIds: string[];
  toggles: { autoImport: boolean; autoExport: boolean };
  status: string;
  /** Whether automatic import (webhook hires, the daily run) and export may run now. */
  automaticSync: { import: boolean; export: boolean; pausedReason?: SyncPauseReason };
  /** Per-tenant iCIMS field id overrides. */
  fieldIds: Record<string, string>;
}
