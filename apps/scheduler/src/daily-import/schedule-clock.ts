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

  /** The next firing after `from`. */
  nextAfter(from: Date): Date {
    return this.cron.getNextDateFrom(from, this.timeZone).toJSDate();
  }

  /** The last firing in the 24 hours before `now`, if any: what a leader that took over late has to catch up. */
  lastFiringBefore(now: Date): Date | undefined {
    let firing: Date | undefined;
    for (let next = this.nextAfter(new Date(now.getTime() - DAY_MS)); next <= now; next = this.nextAfter(next)) firing = next;
    return firing;
  }
}
