/** Why one field could not be mapped. `field` names the target (HR or iCIMS) field. */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
}

export type FieldErrorCode =
  | 'NOT_AN_OBJECT'
  | 'REQUIRED'
  | 'INVALID_TYPE'
  | 'INVALID_ID'
  | 'INVALID_DATE'
  | 'INVALID_EMAIL'
  | 'INVALID_US_STATE'
  | 'INVALID_COUNTRY'
  | 'INVALID_ZIP'
  | 'INVALID_SSN'
  | 'TOO_LONG';

/** Mapped anyway, but someone should know. */
export interface MappingWarning {
  field: string;
  code: 'MANAGER_UNRESOLVED' | 'NO_ADDRESS' | 'FIELD_NOT_SUPPORTED';
  message: string;
}

export type MapResult<T> = { ok: true; value: T; warnings: MappingWarning[] } | { ok: false; errors: FieldError[] };

/** One normalised value, or the error that says why there is none. Internal to normalisers. */
export type Normalised<T> = { ok: true; value: T } | { ok: false; code: FieldErrorCode; message: string };

// Most optional fields are absent; one shared answer spares an allocation each.
const ABSENT: Normalised<undefined> = Object.freeze({ ok: true, value: undefined });

export const normalised = <T>(value: T): Normalised<T> => (value === undefined ? (ABSENT as Normalised<T>) : { ok: true, value });
export const invalid = (code: FieldErrorCode, message: string): Normalised<never> => ({ ok: false, code, message });
