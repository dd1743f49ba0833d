import { timingSafeEqual } from 'node:crypto';

/** String equality that takes the same time wherever the strings differ. Empty never matches. */
export function constantTimeEquals(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return b.length > 0 && a.length === b.length && timingSafeEqual(a, b);
}
