import { AppException } from '@icims-sync/platform';

/**
 * Codes the HR API answers with (`{"error": {"code": …}}`) that icims-sync acts on. The HR
 * client reports a refusal as an `AppException` whose code is `HR_<code>`.
 */
export const HrApiErrorCode = {
  /** Another employee of the tenant is linked to that iCIMS person. */
  IcimsIdTaken: 'ICIMS_ID_TAKEN',
  EmployeeNotFound: 'EMPLOYEE_NOT_FOUND',
  NameRequired: 'NAME_REQUIRED',
  UserNotFound: 'USER_NOT_FOUND',
  UserInactive: 'USER_INACTIVE',
} as const;

export type HrApiErrorCode = (typeof HrApiErrorCode)[keyof typeof HrApiErrorCode];

/** The code the HR client gives a refusal of the HR API. */
export function hrRefusalCode(code: string): string {
  return `HR_${code}`;
}

/** Whether `error` is the HR API's refusal with `code`. */
export function isHrRefusal(error: unknown, code: HrApiErrorCode): boolean {
  return error instanceof AppException && error.code === hrRefusalCode(code);
}
