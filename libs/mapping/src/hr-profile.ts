import { HrField, IMPORTED_FIELDS } from './hr-employee';

export const HR_PROFILES = ['hrcloud', 'namely'] as const;
export type HrProfile = (typeof HR_PROFILES)[number];

export interface HrProfileRules {
  /** iCIMS → HR runs for this profile. */
  imports: boolean;
  /** HR → iCIMS runs for this profile. */
  exports: boolean;
  /** The imported fields this HR system takes. */
  importedFields: readonly HrField[];
  /** Only people who will be active profiles are imported. */
  activeOnly: boolean;
}

/**
 * [assumed] Namely takes no custom fields except `icims_id`; position, department and
 * location codes have no standard Namely profile field, so they are left out.
 */
const NAMELY_UNSUPPORTED: readonly HrField[] = ['positionCode', 'departmentCode', 'locationCode'];

export const HR_PROFILE_RULES: Readonly<Record<HrProfile, HrProfileRules>> = {
  hrcloud: { imports: true, exports: true, importedFields: IMPORTED_FIELDS, activeOnly: false },
  namely: {
    imports: true,
    exports: false,
    importedFields: IMPORTED_FIELDS.filter((field) => !NAMELY_UNSUPPORTED.includes(field)),
    activeOnly: true,
  },
};
