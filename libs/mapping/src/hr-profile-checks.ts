import { HR_PROFILE_RULES, HrProfile } from './hr-profile';
import { DEFAULT_ICIMS_FIELD_IDS, IcimsFieldIds } from './icims-field-ids.constant';
import { normaliseDate } from './normalisers/date.normaliser';

export type Eligibility = { eligible: true } | { eligible: false; reason: 'EMPLOYMENT_ENDED' | 'INVALID_END_DATE'; message: string };

/**
 * Namely takes only people who will be active profiles: anyone whose employment has
 * already ended is skipped, with the reason. HR Cloud takes everyone.
 */
export function checkEligibility(profile: HrProfile, person: unknown, today: string, fieldIds: IcimsFieldIds = DEFAULT_ICIMS_FIELD_IDS): Eligibility {
  if (!HR_PROFILE_RULES[profile].activeOnly) return { eligible: true };
  if (typeof person !== 'object' || person === null) return { eligible: true };
  const endDate = normaliseDate((person as Record<string, unknown>)[fieldIds.endDate]);
  if (!endDate.ok) return { eligible: false, reason: 'INVALID_END_DATE', message: `end date: ${endDate.message}; cannot tell whether the profile is active` };
  if (endDate.value !== undefined && endDate.value <= today) {
    return { eligible: false, reason: 'EMPLOYMENT_ENDED', message: `employment ended on ${endDate.value}; ${profile} imports active profiles only` };
  }
  return { eligible: true };
}

export interface HrCustomFieldDefinition {
  label?: unknown;
  type?: unknown;
}

export type HrReadiness = { ready: true } | { ready: false; code: 'ICIMS_ID_FIELD_MISSING' | 'ICIMS_ID_FIELD_NOT_TEXT'; message: string };

const NAMELY_LINK_FIELD = 'icims_id';

/** Namely needs a Text profile field labelled exactly `icims_id` before anything can import. */
export function checkHrReadiness(profile: HrProfile, customFields: unknown): HrReadiness {
  if (profile !== 'namely') return { ready: true };
  const fields = Array.isArray(customFields) ? (customFields as HrCustomFieldDefinition[]) : [];
  const field = fields.find((candidate) => candidate?.label === NAMELY_LINK_FIELD);
  if (!field) {
    return {
      ready: false,
      code: 'ICIMS_ID_FIELD_MISSING',
      message: `Namely has no profile field labelled "${NAMELY_LINK_FIELD}". Create it under Company > Settings > Profile Fields, type Text, then import again.`,
    };
  }
  if (typeof field.type !== 'string' || field.type.toLowerCase() !== 'text') {
    return {
      ready: false,
      code: 'ICIMS_ID_FIELD_NOT_TEXT',
      message: `The Namely field "${NAMELY_LINK_FIELD}" must be of type Text. Delete it and create it again as Text.`,
    };
  }
  return { ready: true };
}
