import {
  IcimsAccessDenied,
  IcimsAuthError,
  IcimsAuthorizer,
  IcimsClient,
  IcimsCredentials,
  IcimsNotFound,
  IcimsRateLimited,
  IcimsUnavailable,
  IcimsValidationError,
  LocalIcimsAuthorizer,
  RequestBudget,
} from '@icims-sync/icims-client';
import { ConnectFailureReason } from '@icims-sync/contracts';

export type ProbeResult = { ok: true } | { ok: false; reason: ConnectFailureReason; message: string };

/** Larger than any person id, so the probe's search pages nothing back. */
const BEYOND_ANY_PERSON_ID = '999999999999';

/**
 * One authenticated call to iCIMS with credentials that are not saved as good yet.
 * [assumed] A people search with an empty result needs the same rights as the sync does,
 * and costs one request of the daily budget (plus a token request for OAuth2).
 */
export async function probeIcims(credentials: IcimsCredentials, apiUrl: string, customerId: string, timeoutMs: number): Promise<ProbeResult> {
  const local = new LocalIcimsAuthorizer(() => credentials);
  // OAuth2 tells the two apart: a token issued means the client id and secret are good.
  let tokenIssued = false;
  const authorizer: IcimsAuthorizer = {
    authorize: async (outbound) => {
      const headers = await local.authorize(outbound);
      tokenIssued = credentials.method === 'oauth2';
      return headers;
    },
    invalidate: (tenantId) => local.invalidate(tenantId),
  };
  const client = new IcimsClient({
    baseUrl: apiUrl,
    authorizer,
    budget: new RequestBudget(() => ({ dailyLimit: Number.MAX_SAFE_INTEGER, reserveForManual: 0 })),
    retries: 1,
    requestTimeoutMs: timeoutMs,
    max429Retries: 0,
    maxRetryAfterMs: 0,
  });
  try {
    await client.searchPeople({ tenantId: 'connect-probe', customerId }, [{ name: 'person.id', value: [BEYOND_ANY_PERSON_ID], operator: '>' }]).next();
    return { ok: true };
  } catch (error) {
    return failureOf(error, new URL(apiUrl).host, customerId, credentials.method, tokenIssued);
  } finally {
    await client.close();
  }
}

function failureOf(error: unknown, host: string, customerId: string, method: IcimsCredentials['method'], tokenIssued: boolean): ProbeResult {
  const fail = (reason: ConnectFailureReason, message: string): ProbeResult => ({ ok: false, reason, message });
  if (error instanceof IcimsAuthError && tokenIssued) {
    return fail('CUSTOMER_NOT_FOUND', `the client id and client secret are valid, but not for iCIMS customer ${customerId}: check the customer id`);
  }
  if (error instanceof IcimsAuthError) {
    const what = method === 'oauth2' ? 'client id and client secret' : 'username and HMAC key';
    return fail('BAD_CREDENTIALS', `iCIMS refused the credentials: check the customer id, ${what}`);
  }
  if (error instanceof IcimsAccessDenied) return fail('FORBIDDEN', `the credentials are valid, but iCIMS denies them access to customer ${customerId}: ask your iCIMS account manager for API access`);
  if (error instanceof IcimsNotFound) return fail('CUSTOMER_NOT_FOUND', `iCIMS has no customer ${customerId}: check the customer id`);
  if (error instanceof IcimsRateLimited) return fail('RATE_LIMITED', `iCIMS is limiting requests for these credentials; try again in ${Math.ceil(error.retryAfterMs / 1000)} s`);
  if (error instanceof IcimsUnavailable && error.failure === 'unreachable') return fail('UNREACHABLE', `iCIMS could not be reached at ${host}: check the region, or try again later`);
  if (error instanceof IcimsUnavailable || error instanceof IcimsValidationError) return fail('ICIMS_ERROR', 'iCIMS answered with an error; try again later');
  throw error;
}
