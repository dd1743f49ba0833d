import { IcimsRateLimited } from './icims.exception';

export type RequestPriority = 'manual' | 'automatic';

export interface BudgetSettings {
  /** Requests per UTC day (a Web Services licence allows about 10,000). */
  dailyLimit: number;
  /** Kept back for manual runs: automatic work stops when only this much is left. */
  reserveForManual: number;
}

interface TenantUsage {
  day: string;
  used: number;
  pausedUntil: number;
}

/**
 * Counts every request per tenant and UTC day ([assumed] iCIMS resets at 00:00 UTC), so
 * the client refuses before iCIMS has to, and pauses a tenant after a 429.
 */
export class RequestBudget {
  private readonly usage = new Map<string, TenantUsage>();

  constructor(
    private readonly settingsOf: (tenantId: string) => BudgetSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one request, or throws IcimsRateLimited without spending. */
  take(tenantId: string, priority: RequestPriority): void {
    const usage = this.current(tenantId);
    const now = this.now();
    if (usage.pausedUntil > now) throw new IcimsRateLimited(usage.pausedUntil - now, 'iCIMS asked us to wait');
    const { dailyLimit, reserveForManual } = this.settingsOf(tenantId);
    const ceiling = priority === 'manual' ? dailyLimit : dailyLimit - reserveForManual;
    if (usage.used >= ceiling) {
      const reason = priority === 'manual' ? `daily limit of ${dailyLimit} reached` : `only the ${reserveForManual} requests kept for manual runs are left`;
      throw new IcimsRateLimited(msUntilNextUtcDay(now), reason);
    }
    usage.used += 1;
  }

  /** iCIMS answered 429: nothing goes out for this tenant until `retryAfterMs` has passed. */
  pause(tenantId: string, retryAfterMs: number): void {
    const usage = this.current(tenantId);
    usage.pausedUntil = Math.max(usage.pausedUntil, this.now() + retryAfterMs);
  }

  remaining(tenantId: string): number {
    return Math.max(0, this.settingsOf(tenantId).dailyLimit - this.current(tenantId).used);
  }

  private current(tenantId: string): TenantUsage {
    const day = new Date(this.now()).toISOString().slice(0, 10);
    let usage = this.usage.get(tenantId);
    if (!usage || usage.day !== day) {
      usage = { day, used: 0, pausedUntil: usage?.pausedUntil ?? 0 };
      this.usage.set(tenantId, usage);
    }
    return usage;
  }
}

export function msUntilNextUtcDay(now: number): number {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return next.getTime() - now;
}
