/**
 * What kind of failure an error is. The HTTP filter maps kinds to statuses; the
 * Kafka runner retries only `unavailable` and `internal`.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** Base of every domain error: a stable string `code` and a message fit for a user. */
export class AppException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind = 'internal',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Worth trying again: the cause may go away by itself. */
  get retryable(): boolean {
    return this.kind === 'unavailable' || this.kind === 'internal';
  }
}

/**
 * A dependency (broker, store, remote API) did not answer in time or at all. Users see
 * which one; the reason (addresses, driver errors) goes to logs and DLQ headers only.
 */
export class DependencyUnavailableException extends AppException {
  constructor(
    dependency: string,
    readonly reason: string,
  ) {
    super('DEPENDENCY_UNAVAILABLE', `${dependency} is unavailable; try again later`, 'unavailable', { dependency });
  }
}

/** The message plus any internal reason: for logs and DLQ headers, never for HTTP answers. */
export function internalDescription(error: unknown): string {
  if (error instanceof DependencyUnavailableException) return `${error.message} (${error.reason})`;
  return (error as Error)?.message ?? String(error);
}

/** Retrying cannot help: the input itself is wrong. */
export class InvalidInputException extends AppException {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 'validation', details);
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof AppException ? error.retryable : true;
}

/** Over a request limit; the message says when to try again. */
export class RateLimitedException extends AppException {
  constructor(retryInMs: number) {
    super('RATE_LIMITED', `too many requests; try again in ${Math.max(1, Math.ceil(retryInMs / 1000))} s`, 'rate_limited');
  }
}
