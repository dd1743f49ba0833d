import { CronTime } from 'cron';

const DAY_MS = 86_400_000;

/** The import schedule in its time zone: cron does the DST arithmetic, this names the days. */
export class ScheduleClock {
  private readonly cron: CronTime;

  constructor(
    expression: string,
    readonly timeZone: string,
  ) {
    this.cron = new CronTime(expression, timeZone);
  }

  /** The local calendar day of `instant` (yyyy-mm-dd) in the schedule's time zone. */
  dayOf(instant: Date): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  }

  /** `instant` as a wall-clock time in the schedule's zone: `yyyy-mm-dd hh:mm` and the zone's short name (`2026-11-29 00:00 PST`). */
  localTimeOf(instant: Date): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: this.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' })
        .formatToParts(instant)
        .map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
  }

  /** The next firing after `from`. */
  nextAfter(from: Date): Date {
    return this.cron.getNextDateFrom(from, this.timeZone).toJSDate();
  }

  /**
   * The last firing in the 24 hours up to `now`, if any: what a leader that took over late
   * has to catch up. A bisection on "next firing after t", so a schedule that fires every
   * second costs as little as a daily one.
   */
  lastFiringBefore(now: Date): Date | undefined {
    let low = now.getTime() - DAY_MS;
    if (this.nextAfter(new Date(low)) > now) return undefined;
    let high = now.getTime();
    // Invariant: the next firing after `low` is at or before now; after `high`, it is not.
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.nextAfter(new Date(middle)) <= now) low = middle;
      else high = middle;
    }
    return this.nextAfter(new Date(low));
  }
}
