import { Inject, Injectable } from '@nestjs/common';
import { IcimsAccessDenied, IcimsAuthError, IcimsNotFound, IcimsValidationError, IcimsWarning, RequestPriority } from '@icims-sync/icims-client';
import { ExportedValueField, fieldStatesOf, mapEmployeeToIcimsPatch } from '@icims-sync/mapping';
import { RecordOutcome, SyncStateRepository } from '@icims-sync/sync-ledger';
import { IcimsClients, TenantContext } from '@icims-sync/vault-client';
import { HrExportConfig } from '../config/app.config';

export type PatchResult = { ok: true; warnings: string[] } | { ok: false; refusal: Pick<RecordOutcome, 'reason' | 'details'> };

/**
 * PATCHes an employee's fields to its iCIMS person and records, once iCIMS took them, that
 * both sides hold those values (as of HR's save). Refusals are answered; transient
 * failures throw, for the caller's retries.
 */
@Injectable()
export class PersonPatcher {
  constructor(
    private readonly icims: IcimsClients,
    private readonly state: SyncStateRepository,
    @Inject(HrExportConfig) private readonly config: Pick<HrExportConfig, 'SYNC_STATE_HASH_KEY'>,
  ) {}

  async patch(
    context: TenantContext,
    icimsId: string,
    values: Partial<Record<ExportedValueField, unknown>>,
    fields: ExportedValueField[],
    savedAt: Date,
    call: { priority: RequestPriority; meter?: { count: number } },
  ): Promise<PatchResult> {
    const patch = mapEmployeeToIcimsPatch({ ...values, icimsId }, { fieldIds: context.fieldIds, onlyFields: fields });
    if (!patch.ok) return { ok: false, refusal: { reason: 'INVALID_EMPLOYEE', details: patch.errors.map((error) => `${error.field}:${error.code}`) } };
    let warnings: IcimsWarning[];
    try {
      warnings = await this.icims.forHost(context.settings.apiBaseUrl).patchPerson(context.tenant, icimsId, patch.value.body, call);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return { ok: false, refusal };
      throw error;
    }
    await this.recordSynced(context.tenant.tenantId, icimsId, values, fields, savedAt);
    const patchedFields = Object.keys(patch.value.body).join(',');
    return { ok: true, warnings: warnings.map((warning) => `${patchedFields}:ICIMS_WARNING_${warning.errorCode ?? 'UNKNOWN'}`) };
  }

  /** Both sides hold `values` of `fields`, as HR saved them at `savedAt`. */
  async recordSynced(tenantId: string, icimsId: string, values: Partial<Record<ExportedValueField, unknown>>, fields: ExportedValueField[], savedAt: Date): Promise<void> {
    if (fields.length === 0) return;
    const key = { secret: this.config.SYNC_STATE_HASH_KEY, tenantId };
    await this.state.recordFields(tenantId, [{ icimsId, fields: fieldStatesOf(key, icimsId, values, fields, savedAt, 'export') }]);
  }
}

/** What iCIMS refused for good (retrying cannot help): a reason code and the field ids it named. */
export function refusalOf(error: unknown): Pick<RecordOutcome, 'reason' | 'details'> | undefined {
  if (error instanceof IcimsValidationError) return { reason: 'ICIMS_REJECTED', details: error.fields.map((field) => `${field}:${error.icimsCode ?? 'INVALID'}`) };
  if (error instanceof IcimsNotFound) return { reason: 'PERSON_NOT_FOUND', details: [] };
  if (error instanceof IcimsAuthError) return { reason: 'ICIMS_AUTH_FAILED', details: [] };
  if (error instanceof IcimsAccessDenied) return { reason: 'ICIMS_ACCESS_DENIED', details: [] };
  return undefined;
}
