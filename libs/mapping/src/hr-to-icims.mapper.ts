import { FieldCollector } from './field-collector';
import { EXPORTED_FIELDS, HrEmployee } from './hr-employee';
import { DEFAULT_ICIMS_FIELD_IDS, IcimsFieldIds } from './icims-field-ids.constant';
import { normaliseDate } from './normalisers/date.normaliser';
import { normaliseIcimsId, normaliseText } from './normalisers/text.normaliser';
import { MapResult } from './result';

type ExportedField = (typeof EXPORTED_FIELDS)[number];

/** PATCH /customers/{cid}/people/{personId}: `null` clears a value in iCIMS. */
export interface IcimsPersonPatch {
  personId: string;
  body: Record<string, string | null>;
}

export interface ExportMappingOptions {
  fieldIds?: IcimsFieldIds;
  /** Send only these (the changed synced fields); all exported fields when absent. */
  onlyFields?: readonly string[];
}

/** HR employee → iCIMS PATCH: the first seed's HR → iCIMS table. Total. */
export function mapEmployeeToIcimsPatch(employee: unknown, options: ExportMappingOptions = {}): MapResult<IcimsPersonPatch> {
  if (typeof employee !== 'object' || employee === null || Array.isArray(employee)) {
    return { ok: false, errors: [{ field: '(employee)', code: 'NOT_AN_OBJECT', message: 'an HR employee must be a JSON object' }] };
  }
  const source = employee as Record<string, unknown>;
  const ids = options.fieldIds ?? DEFAULT_ICIMS_FIELD_IDS;
  const out = new FieldCollector<HrEmployee>();
  const personId = out.set('icimsId', normaliseIcimsId(source.icimsId), true);
  // iCIMS requires names on PATCH when they are empty there, so they are required here.
  out.set('firstName', normaliseText(source.firstName, 100), true);
  out.set('lastName', normaliseText(source.lastName, 100), true);
  out.set('employeeNumber', normaliseText(source.employeeNumber, 64));
  out.set('startDate', normaliseDate(source.startDate));
  out.set('separationDate', normaliseDate(source.separationDate));
  if (out.errors.length > 0 || personId === undefined) return { ok: false, errors: out.errors };

  const target: Record<Exclude<ExportedField, 'icimsId'>, string> = {
    firstName: ids.firstName,
    lastName: ids.lastName,
    employeeNumber: ids.adpAssociateId,
    startDate: ids.hireDate,
    separationDate: ids.endDate,
  };
  const wanted = new Set(options.onlyFields ?? EXPORTED_FIELDS);
  const body: Record<string, string | null> = {};
  for (const [field, icimsField] of Object.entries(target) as [keyof typeof target, string][]) {
    if (wanted.has(field)) body[icimsField] = out.value[field] ?? null;
  }
  return { ok: true, value: { personId, body }, warnings: out.warnings };
}
