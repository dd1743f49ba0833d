import { Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { CronTime } from 'cron';

@ValidatorConstraint({ name: 'timeZone' })
class TimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: String(value) });
      return typeof value === 'string';
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'IMPORT_TIME_ZONE must be an IANA time zone such as America/Los_Angeles';
  }
}

@ValidatorConstraint({ name: 'cron' })
class CronExpressionConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && CronTime.validateCronExpression(value).valid;
  }

  defaultMessage(): string {
    return 'IMPORT_CRON must be a cron expression (5 or 6 fields), such as 0 0 * * *';
  }
}

/** `IMPORT_TIME_ZONE`: an IANA zone name. */
export const IsImportTimeZone = () => Validate(TimeZoneConstraint);

/** `IMPORT_CRON`: 5 or 6 cron fields. */
export const IsImportCron = () => Validate(CronExpressionConstraint);

/** The first seed's schedule: 12 AM Pacific, DST-correct. */
export const DEFAULT_IMPORT_CRON = '0 0 * * *';
export const DEFAULT_IMPORT_TIME_ZONE = 'America/Los_Angeles';
