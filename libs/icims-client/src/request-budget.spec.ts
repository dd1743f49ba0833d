import { IcimsRateLimited } from './icims.exception';
import { RequestBudget, SharedBudgetStore, msUntilNextUtcDay } from './request-budget';

describe(RequestBudget.name, () => {
  let now: number;
  const createSut = (dailyLimit = 5, reserveForManual = 2, store?: SharedBudgetStore) => new RequestBudget(() => ({ dailyLimit, reserveForManual }), { now: () => now, store, blockSize: 2 });

  beforeEach(() => {
    now = Date.parse('2026-11-22T23:59:00Z');
  });

  it('lets automatic work use all but the manual reserve, and manual work the rest', async () => {
    const sut = createSut();
    for (let i = 0; i < 3; i += 1) await sut.take('acme', 'automatic');

    await expect(sut.take('acme', 'automatic')).rejects.toThrow(IcimsRateLimited);
    await sut.take('acme', 'manual');
    await sut.take('acme', 'manual');
    await expect(sut.take('acme', 'manual')).rejects.toThrow(/daily limit of 5 reached/);
    expect(sut.remaining('acme')).toBe(0);
  });

  it('says to retry at the next UTC midnight, and resets then', async () => {
    const sut = createSut(1, 0);
    await sut.take('acme', 'manual');

    await expect(sut.take('acme', 'manual')).rejects.toMatchObject({ retryAfterMs: 60_000 });
    now += 60_000;
    await expect(sut.take('acme', 'manual')).resolves.toBeUndefined();
  });

  it('keeps tenants apart', async () => {
    const sut = createSut(1, 0);
    await sut.take('acme', 'manual');

    await expect(sut.take('globex', 'manual')).resolves.toBeUndefined();
  });

  it('holds a tenant back after a 429 until Retry-After has passed', async () => {
    const sut = createSut();
    sut.pause('acme', 5_000);

    await expect(sut.take('acme', 'manual')).rejects.toThrow(/iCIMS asked us to wait/);
    now += 5_000;
    await expect(sut.take('acme', 'manual')).resolves.toBeUndefined();
  });

  it('spends one shared budget from several replicas, taking it in blocks', async () => {
    const counted = new Map<string, number>();
    const reserves: number[] = [];
    const store: SharedBudgetStore = {
      reserve: async (tenantId, day, want, ceiling) => {
        const used = counted.get(`${tenantId}:${day}`) ?? 0;
        const got = Math.max(0, Math.min(want, ceiling - used));
        counted.set(`${tenantId}:${day}`, used + got);
        reserves.push(got);
        return got;
      },
    };
    const replicas = [createSut(7, 0, store), createSut(7, 0, store), createSut(7, 0, store)];

    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, index) => replicas[index % 3].take('acme', 'manual')));

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(7);
    expect(counted.get('acme:2026-11-22')).toBe(7);
    expect(reserves.every((got) => got <= 2)).toBe(true);
  });

  it('computes the time to the next UTC day', () => {
    expect(msUntilNextUtcDay(Date.parse('2026-11-22T00:00:00Z'))).toBe(86_400_000);
  });
});
