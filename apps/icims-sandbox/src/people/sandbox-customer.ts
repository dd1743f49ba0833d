import { SandboxPerson } from './sandbox-person';

/** Credentials a sandbox customer accepts; any of the three iCIMS methods may be set up. */
export interface SandboxCredentials {
  clientId?: string;
  clientSecret?: string;
  username?: string;
  password?: string;
  hmacKey?: string;
  /** Valid credentials whose user lacks API rights: every call answers errorCode 3. */
  accessDenied?: boolean;
}

export interface SandboxFaults {
  /** Added to every API call. */
  latencyMs: number;
  /** Share (0..1) of API calls answered 500. */
  errorRate: number;
  /** The next N API calls are answered 429. */
  burst429: number;
  /** The next N API calls are answered 500 (deterministic, unlike errorRate). */
  burst500: number;
  retryAfterSeconds: number;
}

export const NO_FAULTS: SandboxFaults = { latencyMs: 0, errorRate: 0, burst429: 0, burst500: 0, retryAfterSeconds: 1 };

export interface SandboxCustomer {
  customerId: string;
  credentials: SandboxCredentials;
  /** Requests per UTC day; 0 switches the budget off (benchmarks). */
  dailyBudget: number;
  faults: SandboxFaults;
  people: Map<string, SandboxPerson>;
  /** Numerically sorted ids, rebuilt lazily after inserts and deletes. */
  sortedIds?: string[];
  usage: { day: string; used: number };
  nextPersonId: number;
  /** PATCHes made through the API (not the admin routes), oldest first, bounded: what tests count. */
  patches: PatchEntry[];
}

/** One PATCH iCIMS accepted. */
export interface PatchEntry {
  personId: string;
  changes: Record<string, unknown>;
  at: string;
}

/** Kept in memory at most; older entries drop off. */
export const MAX_PATCH_LOG = 100_000;
