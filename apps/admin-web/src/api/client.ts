import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

// The page's only way to the API: a client typed by the gateway's OpenAPI document, which
// the build generates (src/api/schema.d.ts). A changed API breaks this build, not the page.

export type Schemas = components['schemas'];
export type SyncRun = Schemas['SyncRunResponse'];
export type Settings = Schemas['IcimsSettingsResponse'];

/** The sign-in token lives here, in memory only: never in localStorage or a cookie. */
let bearer: string | undefined;
const signedOutListeners = new Set<(reason: string) => void>();

export const token = {
  set: (value: string) => void (bearer = value),
  clear: () => void (bearer = undefined),
  get: () => bearer,
  /** Called when the API says the sign-in is no longer good (401). */
  onSignedOut: (listener: (reason: string) => void) => {
    signedOutListeners.add(listener);
    return () => void signedOutListeners.delete(listener);
  },
};

/** What the API said went wrong, in its own words (never a stack trace). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Field names a 400 named (details.fields), if any. */
  get fields(): string[] {
    const fields = this.details?.fields;
    if (Array.isArray(fields)) return fields.map(String);
    return fields && typeof fields === 'object' ? Object.keys(fields) : [];
  }
}

const authorize: Middleware = {
  onRequest({ request }) {
    if (bearer) request.headers.set('authorization', `Bearer ${bearer}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && bearer) {
      bearer = undefined;
      for (const listener of signedOutListeners) listener('Your sign-in has expired or is no longer valid. Sign in again.');
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(authorize);

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/** The answer's data, or an ApiError carrying the API's code and message. */
export async function call<T>(request: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'UNREACHABLE', 'Cannot reach icims-sync. Check your connection and try again.');
  }
  if (result.response.ok) return result.data as T;
  const body = (result.error as { error?: { code?: string; message?: string; errorId?: string; details?: Record<string, unknown> } } | undefined)?.error;
  if (!body?.message) throw new ApiError(result.response.status, 'HTTP_ERROR', `icims-sync answered ${result.response.status}. Try again in a moment.`);
  const message = body.errorId ? `${body.message} (reference ${body.errorId})` : body.message;
  throw new ApiError(result.response.status, body.code ?? 'ERROR', message, body.details);
}

/** A readable line for anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong in this page. Reload and try again.';
}
