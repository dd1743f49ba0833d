import { randomBytes } from 'node:crypto';

/** W3C trace context: 00-<trace id>-<span id>-<flags>. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export const TRACEPARENT_HEADER = 'traceparent';

/** A new span in the trace of `parent`, or a new trace when there is none or it is malformed. */
export function nextTraceparent(parent?: string): string {
  const traceId = parent?.match(TRACEPARENT)?.[1] ?? randomBytes(16).toString('hex');
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}
