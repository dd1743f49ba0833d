import { IcimsRateLimited } from './icims.exception';

export type RequestPriority = 'manual' | 'automatic';

export interface BudgetSettings {
  /** Requests per UTC day (a Web Services licence allows about 10,000). */
  dailyLimit: number;
  /** Kept back for manual runs: automatic work stops when only this much is left. */
  reserveForManual: number;
}

/**
 * Where every replica's spending of a tenant's day is counted, so that N replicas together
 * never spend more than one budget.
 */
export interface SharedBudgetStore {
  /** Takes up to `want` requests of the tenant's `day` without passing `ceiling` in all; answers how many it got (0: none left). */
  reserve(tenantId: string, day: string, want: number, ceiling: number): Promise<number>;
}

export interface RequestBudgetOptions {
  /** Without one, this process counts alone (tests, the vault's Connect probe). */
  store?: SharedBudgetStore;
  /** Requests taken from the store at a time: fewer round trips against a little waste when a replica stops. */
  blockSize?: number;
  now?: () => number;
}

interface TenantUsage {
  day: string;
  used: number;
  /** Taken from the shared store for this day (with a store); `used` never passes it. */
  granted: number;
  /** The highest ceiling the shared store had nothing left under. */
  exhaustedUnder: number;
  pausedUntil: number;
  reserving?: Promise<void>;
}

/**
 * Counts every request per tenant and UTC day ([assumed] iCIMS resets at 00:00 UTC), so
 * the client refuses before iCIMS has to, and pauses a tenant after a 429. With a shared
 * store, requests are taken from it in small blocks, so the day's budget is the tenant's
 * however many replicas spend it.
 */
export class RequestBudget {
  private readonly usage = new Map<string, TenantUsage>();
  private readonly now: () => number;
  private readonly blockSize: number;

  constructor(
    private readonly settingsOf: (tenantId: string) => BudgetSettings,
    private readonly options: RequestBudgetOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.blockSize = options.blockSize ?? 10;
  }

  /** Spends one request, or throws IcimsRateLimited without spending. */
  async take(tenantId: string, priority: RequestPriority): Promise<void> {
    for (;;) {
      const usage = this.current(tenantId);
      const now = this.now();
      if (usage.pausedUntil > now) throw new IcimsRateLimited(usage.pausedUntil - now, 'iCIMS asked us to wait');
      const { dailyLimit, reserveForManual } = this.settingsOf(tenantId);
      const ceiling = priority === 'manual' ? dailyLimit : dailyLimit - reserveForManual;
      const limitReached = () =>
        new IcimsRateLimited(msUntilNextUtcDay(now), priority === 'manual' ? `daily limit of ${dailyLimit} reached` : `only the ${reserveForManual} requests kept for manual runs are left`);
      if (usage.used >= ceiling) throw limitReached();
      if (!this.options.store || usage.used < usage.granted) {
        usage.used += 1;
        return;
      }
      if (usage.exhaustedUnder >= ceiling) throw limitReached();
      // One block at a time per tenant; concurrent callers wait for it, then try again.
      const store = this.options.store;
      usage.reserving ??= store
        .reserve(tenantId, usage.day, Math.min(this.blockSize, ceiling - usage.used), ceiling)
        .then((got) => {
          usage.granted += got;
          if (got === 0) usage.exhaustedUnder = Math.max(usage.exhaustedUnder, ceiling);
        })
        .finally(() => (usage.reserving = undefined));
      await usage.reserving;
    }
  }

  /** iCIMS answered 429: nothing goes out for this tenant until `retryAfterMs` has passed. */
  pause(tenantId: string, retryAfterMs: number): void {
    const usage = this.current(tenantId);
    usage.pausedUntil = Math.max(usage.pausedUntil, this.now() + retryAfterMs);
  }

  /** Left today as far as this process knows (without a store, exact). */
  remaining(tenantId: string): number {
    return Math.max(0, this.settingsOf(tenantId).dailyLimit - this.current(tenantId).used);
  }

  private current(tenantId: string): TenantUsage {
    const day = new Date(this.now()).toISOString().slice(0, 10);
    let usage = this.usage.get(tenantId);
    if (!usage || usage.day !== day) {
      usage = { day, used: 0, granted: 0, exhaustedUnder: 0, pausedUntil: usage?.pausedUntil ?? 0 };
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
