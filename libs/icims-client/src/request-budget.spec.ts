import { IcimsRateLimited } from './icims.exception';
import { RequestBudget, msUntilNextUtcDay } from './request-budget';

describe(RequestBudget.name, () => {
  let now: number;
  const createSut = (dailyLimit = 5, reserveForManual = 2) => new RequestBudget(() => ({ dailyLimit, reserveForManual }), () => now);

  beforeEach(() => {
    now = Date.parse('2026-11-22T23:59:00Z');
  });

  it('lets automatic work use all but the manual reserve, and manual work the rest', () => {
    const sut = createSut();
    for (let i = 0; i < 3; i += 1) sut.take('acme', 'automatic');

    expect(() => sut.take('acme', 'automatic')).toThrow(IcimsRateLimited);
    sut.take('acme', 'manual');
    sut.take('acme', 'manual');
    expect(() => sut.take('acme', 'manual')).toThrow(/daily limit of 5 reached/);
    expect(sut.remaining('acme')).toBe(0);
  });

  it('says to retry at the next UTC midnight, and resets then', () => {
    const sut = createSut(1, 0);
    sut.take('acme', 'manual');

    try {
      sut.take('acme', 'manual');
    } catch (error) {
      expect((error as IcimsRateLimited).retryAfterMs).toBe(60_000);
    }
    now += 60_000;
    expect(() => sut.take('acme', 'manual')).not.toThrow();
  });

  it('keeps tenants apart', () => {
    const sut = createSut(1, 0);
    sut.take('acme', 'manual');

    expect(() => sut.take('globex', 'manual')).not.toThrow();
  });

  it('holds a tenant back after a 429 until Retry-After has passed', () => {
    const sut = createSut();
    sut.pause('acme', 5_000);

    expect(() => sut.take('acme', 'manual')).toThrow(/iCIMS asked us to wait/);
    now += 5_000;
    expect(() => sut.take('acme', 'manual')).not.toThrow();
  });

  it('computes the time to the next UTC day', () => {
    expect(msUntilNextUtcDay(Date.parse('2026-11-22T00:00:00Z'))).toBe(86_400_000);
  });
});
