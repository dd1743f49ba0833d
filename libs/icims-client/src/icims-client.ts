import {
  BrokenCircuitError,
  BulkheadRejectedError,
  ConsecutiveBreaker,
  ExponentialBackoff,
  IPolicy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';
import { Dispatcher, Pool } from 'undici';
import { IcimsAuthorizer } from './auth/icims-authorizer';
import { ICIMS_ERROR_CODE, IcimsAccessDenied, IcimsAuthError, IcimsErrorBody, IcimsNotFound, IcimsRateLimited, IcimsUnavailable, IcimsValidationError } from './icims.exception';
import { RequestBudget, RequestPriority } from './request-budget';

export interface IcimsTenant {
  tenantId: string;
  customerId: string;
}

export interface IcimsClientOptions {
  /** `https://api.icims.com`, `https://api-eu.icims.com`, or a sandbox. */
  baseUrl: string;
  authorizer: IcimsAuthorizer;
  budget: RequestBudget;
  /** Requests in flight at once, per client. */
  concurrency?: number;
  /** Retries after the first attempt, for 5xx and network failures (jittered backoff between them). */
  retries?: number;
  retryInitialDelayMs?: number;
  /** Longest Retry-After the client waits out by itself; longer ones surface as IcimsRateLimited. */
  maxRetryAfterMs?: number;
  /** Consecutive 429s waited out before giving up. */
  max429Retries?: number;
  requestTimeoutMs?: number;
}

export interface SearchFilter {
  name: string;
  value: string[];
  operator: '=' | '==' | '!=' | '<' | '>' | '<=' | '>=';
  secondaryValue?: string[];
}

export type IcimsPerson = Record<string, unknown>;

/** iCIMS returns at most this many ids per search call. */
export const SEARCH_PAGE_SIZE = 1000;

export interface CallOptions {
  priority?: RequestPriority;
  /** Counts the requests sent for this call, retries included (a run's budget use). */
  meter?: RequestMeter;
}

/** Requests sent, counted by whoever passes it along (a run). */
export interface RequestMeter {
  count: number;
}

/** [doc] A 2xx reply's `warnings`: taken, but iCIMS found something odd. */
export interface IcimsWarning {
  errorCode?: number;
  errorMessage?: string;
}

interface SearchOptions extends CallOptions {
  /** Resume after this person id (a checkpoint). */
  startAfter?: string;
}

/** iCIMS datetimes in search filters: UTC `yyyy-mm-dd hh:mm AM`. */
export function toIcimsDateTime(date: Date): string {
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.toISOString().slice(0, 10)} ${pad(twelve)}:${pad(date.getUTCMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** Parses an iCIMS datetime (UTC `yyyy-mm-dd hh:mm AM`) or ISO-8601 to epoch ms (NaN when neither). */
export function parseIcimsDateTime(value: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{1,2}):(\d{2}) ?([AP])M$/i.exec(value.trim());
  if (!match) return Date.parse(value);
  const hours = (Number(match[2]) % 12) + (match[4].toUpperCase() === 'P' ? 12 : 0);
  return Date.parse(`${match[1]}T${String(hours).padStart(2, '0')}:${match[3]}:00Z`);
}

/** When iCIMS last changed the person (`updateddate`, to the minute), if it says. */
export function updatedAtOf(person: IcimsPerson): Date | undefined {
  const ms = typeof person.updateddate === 'string' ? parseIcimsDateTime(person.updateddate) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * Typed iCIMS people API: GET/PATCH a person and search ids page by page. Keep-alive
 * pool per host; per tenant a concurrency limit, circuit breaker and jittered retries on
 * 5xx/network; 429 waited out per Retry-After, and a per-tenant daily budget checked
 * before every request.
 */
export class IcimsClient {
  private readonly pool: Pool;
  private readonly policies = new Map<string, IPolicy>();
  private readonly options: Required<Omit<IcimsClientOptions, 'authorizer' | 'budget' | 'baseUrl'>>;

  constructor(private readonly settings: IcimsClientOptions) {
    this.options = {
      concurrency: settings.concurrency ?? 16,
      retries: settings.retries ?? 3,
      retryInitialDelayMs: settings.retryInitialDelayMs ?? 200,
      maxRetryAfterMs: settings.maxRetryAfterMs ?? 60_000,
      max429Retries: settings.max429Retries ?? 10,
      requestTimeoutMs: settings.requestTimeoutMs ?? 30_000,
    };
    this.pool = new Pool(settings.baseUrl, { connections: this.options.concurrency, keepAliveTimeout: 30_000 });
  }

  /**
   * Retries, circuit breaker and bulkhead of one tenant: a customer whose iCIMS fails opens
   * its own circuit, and its queued calls fill its own bulkhead, not those of the other
   * tenants on the same host. The connection pool is shared.
   */
  private policyOf(tenantId: string): IPolicy {
    let policy = this.policies.get(tenantId);
    if (!policy) {
      const retryPolicy = retry(handleWhen((error) => error instanceof IcimsUnavailable), {
        maxAttempts: this.options.retries,
        backoff: new ExponentialBackoff({ initialDelay: this.options.retryInitialDelayMs, maxDelay: 5_000 }),
      });
      const breaker = circuitBreaker(handleWhen((error) => error instanceof IcimsUnavailable), {
        halfOpenAfter: 10_000,
        breaker: new ConsecutiveBreaker(5),
      });
      // Half the pool per tenant, so one tenant's calls never hold every connection.
      policy = wrap(retryPolicy, breaker, bulkhead(Math.max(1, Math.ceil(this.options.concurrency / 2)), 10_000));
      this.policies.set(tenantId, policy);
    }
    return policy;
  }

  async getPerson(tenant: IcimsTenant, personId: string, fields?: readonly string[], options: CallOptions = {}): Promise<IcimsPerson> {
    const query = fields?.length ? `?fields=${encodeURIComponent(fields.join(','))}` : '';
    return (await this.call(tenant, 'GET', `/customers/${tenant.customerId}/people/${encodeURIComponent(personId)}${query}`, undefined, options, `person ${personId}`)) as IcimsPerson;
  }

  /** Partial update; `null` clears a field. Answers iCIMS's `warnings`, if the reply had any. */
  async patchPerson(tenant: IcimsTenant, personId: string, body: Record<string, unknown>, options: CallOptions = {}): Promise<IcimsWarning[]> {
    const reply = (await this.call(tenant, 'PATCH', `/customers/${tenant.customerId}/people/${encodeURIComponent(personId)}`, body, options, `person ${personId}`)) as { warnings?: unknown };
    return Array.isArray(reply?.warnings) ? (reply.warnings as IcimsWarning[]) : [];
  }

  /** Every matching person id once, ascending, paging by `person.id >` the last one seen. */
  async *searchPeople(tenant: IcimsTenant, filters: SearchFilter[] = [], options: SearchOptions = {}): AsyncGenerator<string> {
    let lastId = options.startAfter;
    for (;;) {
      const pageFilters = lastId === undefined ? filters : [...filters, { name: 'person.id', value: [lastId], operator: '>' as const }];
      const body = { filters: pageFilters, operator: '&' };
      const page = (await this.call(tenant, 'POST', `/customers/${tenant.customerId}/search/people`, body, options, 'search')) as { searchResults?: { id?: unknown }[] };
      const ids = (page.searchResults ?? []).map((result) => String(result.id));
      yield* ids;
      if (ids.length < SEARCH_PAGE_SIZE) return;
      lastId = ids[ids.length - 1];
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async call(tenant: IcimsTenant, method: Dispatcher.HttpMethod, path: string, body: unknown, options: CallOptions, what: string): Promise<unknown> {
    try {
      return await this.policyOf(tenant.tenantId).execute(() => this.withRateLimitWaits(tenant, method, path, body, options, what));
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new IcimsUnavailable('circuit open after repeated failures', 'overloaded');
      if (error instanceof BulkheadRejectedError) throw new IcimsUnavailable('too many requests queued', 'overloaded');
      throw error;
    }
  }

  /** A 429 pauses the tenant; short waits are waited out here, long ones go to the caller. A 401 is tried once more. */
  private async withRateLimitWaits(tenant: IcimsTenant, method: Dispatcher.HttpMethod, path: string, body: unknown, options: CallOptions, what: string): Promise<unknown> {
    let reauthorized = false;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.send(tenant, method, path, body, options, what);
      } catch (error) {
        // Headers kept from before a credential change (a token of the old client id): the
        // 401 dropped them, and one more try with fresh ones tells stale from wrong.
        if (error instanceof IcimsAuthError && !reauthorized) {
          reauthorized = true;
          continue;
        }
        const waitable = error instanceof IcimsRateLimited && error.retryAfterMs <= this.options.maxRetryAfterMs && attempt < this.options.max429Retries;
        if (!waitable) throw error;
        await new Promise((resolve) => setTimeout(resolve, (error as IcimsRateLimited).retryAfterMs));
      }
    }
  }

  private async send(tenant: IcimsTenant, method: Dispatcher.HttpMethod, path: string, body: unknown, { priority = 'automatic', meter }: CallOptions, what: string): Promise<unknown> {
    await this.settings.budget.take(tenant.tenantId, priority);
    if (meter) meter.count += 1;
    const payload = body === undefined ? '' : JSON.stringify(body);
    const baseHeaders: Record<string, string> = { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    const auth = await this.settings.authorizer.authorize({ tenantId: tenant.tenantId, method, url: `${this.settings.baseUrl}${path}`, headers: baseHeaders, body: payload });
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        method,
        path,
        headers: { ...baseHeaders, ...auth },
        body: body === undefined ? undefined : payload,
        headersTimeout: this.options.requestTimeoutMs,
        bodyTimeout: this.options.requestTimeoutMs,
      });
    } catch (error) {
      throw new IcimsUnavailable(`request failed (${(error as Error).message})`, 'unreachable');
    }
    const text = await response.body.text();
    const json = parseJson(text);
    const { statusCode } = response;
    if (statusCode < 300) return json ?? {};
    const firstError = (json as IcimsErrorBody | undefined)?.errors?.[0];
    const message = firstError?.errorMessage ?? `HTTP ${statusCode}`;
    if (statusCode === 429) {
      const retryAfterMs = retryAfterOf(response.headers['retry-after']);
      this.settings.budget.pause(tenant.tenantId, retryAfterMs);
      throw new IcimsRateLimited(retryAfterMs, 'iCIMS answered 429');
    }
    if (statusCode === 401 || firstError?.errorCode === 6) {
      this.settings.authorizer.invalidate?.(tenant.tenantId);
      throw new IcimsAuthError(message);
    }
    if (statusCode === 404 && firstError?.errorCode === ICIMS_ERROR_CODE.accessDenied) throw new IcimsAccessDenied(what);
    if (statusCode === 404) throw new IcimsNotFound(what);
    if (statusCode >= 500) throw new IcimsUnavailable(`HTTP ${statusCode}: ${message}`);
    const xError = parseXError(response.headers['x-error']);
    throw new IcimsValidationError(xError?.detail ?? message, [...new Set([...(xError?.fieldId ? [xError.fieldId] : []), ...fieldsNamedIn(json as IcimsErrorBody | undefined)])], xError?.code);
  }
}

/**
 * [assumed] iCIMS names the offending field in the message ("Required field missing:
 * lastname"); an explicit `field` is taken when present.
 */
export function fieldsNamedIn(body: IcimsErrorBody | undefined): string[] {
  const fields = (body?.errors ?? []).flatMap((error) => {
    if (error.field) return [error.field];
    const named = /field(?:s)? missing:\s*([\w.,\s]+)$/i.exec(error.errorMessage ?? '');
    return named ? named[1].split(',').map((field) => field.trim()).filter(Boolean) : [];
  });
  return [...new Set(fields)];
}

/** [doc] `X-Error: <Code>:<Detail>` or `<Code>:<FieldId>:<Detail>`. */
export function parseXError(header: string | string[] | undefined): { code: string; fieldId?: string; detail: string } | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^([A-Z][A-Z0-9_]*):(?:([a-z][a-z0-9_.]*):)?(.*)$/.exec(value.trim()) : null;
  if (!match) return undefined;
  return { code: match[1], ...(match[2] ? { fieldId: match[2] } : {}), detail: match[3].trim() };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds or as an HTTP date; 1 s when absent or unreadable. */
export function retryAfterOf(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 1_000;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? 1_000 : Math.max(0, at - Date.now());
}
