import { AppException } from '@icims-sync/platform';

/** iCIMS's documented error codes (ICIMS_API_NOTES "Errors"). */
export const ICIMS_ERROR_CODE = { internal: 0, requiredFieldMissing: 1, notFound: 2, accessDenied: 3, badCredentials: 6 } as const;

export interface IcimsErrorBody {
  errors?: { errorMessage?: string; errorCode?: number; field?: string }[];
}

/** Credentials refused (401, or errorCode 6). Retrying cannot help. */
export class IcimsAuthError extends AppException {
  constructor(message = 'iCIMS refused the credentials') {
    super('ICIMS_AUTH_FAILED', message, 'unauthorized');
  }
}

/** The credentials are valid but the iCIMS user may not do this (404 with errorCode 3). */
export class IcimsAccessDenied extends AppException {
  constructor(what: string) {
    super('ICIMS_ACCESS_DENIED', `iCIMS denied access to ${what}`, 'forbidden', { what });
  }
}

/** The person (or customer) does not exist (404, errorCode 2). */
export class IcimsNotFound extends AppException {
  constructor(what: string) {
    super('ICIMS_NOT_FOUND', `iCIMS has no ${what}`, 'not_found', { what });
  }
}

/** iCIMS rejected the request's content; `fields` names the field ids it complained about, `icimsCode` its error name (`X-Error`). */
export class IcimsValidationError extends AppException {
  constructor(
    message: string,
    readonly fields: string[],
    readonly icimsCode?: string,
  ) {
    super('ICIMS_VALIDATION_FAILED', message, 'validation', { fields, icimsCode });
  }
}

/** Over the request budget (ours or iCIMS's 429); `retryAfterMs` says when to try again. */
export class IcimsRateLimited extends AppException {
  constructor(
    readonly retryAfterMs: number,
    reason: string,
  ) {
    super('ICIMS_RATE_LIMITED', `iCIMS request budget exhausted (${reason}); retry in ${Math.ceil(retryAfterMs / 1000)} s`, 'unavailable', { retryAfterMs });
  }
}

/** Why iCIMS is unavailable: no answer at all, an answer that is a failure, or our own breaker/bulkhead. */
export type IcimsFailure = 'unreachable' | 'server_error' | 'overloaded';

/** iCIMS is down, failing, or unreachable, after retries (or the breaker is open). */
export class IcimsUnavailable extends AppException {
  constructor(
    reason: string,
    readonly failure: IcimsFailure = 'server_error',
  ) {
    super('ICIMS_UNAVAILABLE', `iCIMS is unavailable: ${reason}`, 'unavailable');
  }
}
