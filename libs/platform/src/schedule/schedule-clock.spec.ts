import { ScheduleClock } from './schedule-clock';

describe(ScheduleClock.name, () => {
  const sut = new ScheduleClock('0 0 * * *', 'America/Los_Angeles');

  it.each([
    ['winter (PST, UTC-8)', '2026-01-15T12:00:00Z', '2026-01-16T08:00:00.000Z'],
    ['summer (PDT, UTC-7)', '2026-07-15T12:00:00Z', '2026-07-16T07:00:00.000Z'],
    ['the night clocks spring forward', '2026-03-07T12:00:00Z', '2026-03-08T08:00:00.000Z'],
    ['the day after clocks spring forward', '2026-03-08T12:00:00Z', '2026-03-09T07:00:00.000Z'],
    ['the night clocks fall back', '2026-10-31T12:00:00Z', '2026-11-01T07:00:00.000Z'],
    ['the day after clocks fall back', '2026-11-01T12:00:00Z', '2026-11-02T08:00:00.000Z'],
  ])('fires at local midnight in %s', (_case, from, expected) => {
    const next = sut.nextAfter(new Date(from));
    expect(next.toISOString()).toBe(expected);
    expect(sut.dayOf(next)).toBe(expected.slice(0, 10));
  });

  it('fires once per local day across a whole year, DST changes included', () => {
    const days = new Set<string>();
    let at = new Date('2026-01-01T12:00:00Z');
    for (let i = 0; i < 365; i += 1) {
      at = sut.nextAfter(at);
      days.add(sut.dayOf(at));
      expect(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)).toBe('00:00');
    }
    expect(days.size).toBe(365);
  });

  it('tells the next firing as the wall clock there shows it, in winter and in summer', () => {
    expect(sut.localTimeOf(sut.nextAfter(new Date('2026-11-28T12:00:00Z')))).toBe('2026-11-29 00:00 PST');
    expect(sut.localTimeOf(sut.nextAfter(new Date('2026-07-15T12:00:00Z')))).toBe('2026-07-16 00:00 PDT');
  });

  it('names the local day, not the UTC one', () => {
    expect(sut.dayOf(new Date('2026-11-22T07:30:00Z'))).toBe('2026-11-21');
  });

  it('finds the firing a late leader missed, and none when there was none', () => {
    expect(sut.lastFiringBefore(new Date('2026-11-22T09:00:00Z'))?.toISOString()).toBe('2026-11-22T08:00:00.000Z');
    expect(new ScheduleClock('0 0 1 1 *', 'America/Los_Angeles').lastFiringBefore(new Date('2026-11-22T09:00:00Z'))).toBeUndefined();
  });

  it('finds the last firing of a frequent schedule too', () => {
    const everyTwoSeconds = new ScheduleClock('*/2 * * * * *', 'America/Los_Angeles');
    expect(everyTwoSeconds.lastFiringBefore(new Date('2026-11-22T09:00:03.500Z'))?.toISOString()).toBe('2026-11-22T09:00:02.000Z');
    expect(everyTwoSeconds.lastFiringBefore(new Date('2026-11-22T09:00:04.000Z'))?.toISOString()).toBe('2026-11-22T09:00:04.000Z');
  });
});
