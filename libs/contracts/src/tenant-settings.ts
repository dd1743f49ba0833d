/**
 * A tenant's connection settings as the vault serves them to other services
 * (`GET /internal/tenants/{id}/settings`). Never a secret.
 */
export interface TenantSettings {
  tenantId: string;
  enabled: boolean;
  profile: 'hrcloud' | 'namely';
  customerId?: string;
  /** The tenant's iCIMS API origin (region host, or the sandbox). */
  apiBaseUrl?: string;
  hiredStatusIds: string[];
  toggles: { autoImport: boolean; autoExport: boolean };
  status: string;
  /** Per-tenant iCIMS field id overrides. */
  fieldIds: Record<string, string>;
}
