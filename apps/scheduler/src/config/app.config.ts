import { IsInt, IsString, Max, Min, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { CronTime } from 'cron';
import { VaultCallerConfig } from '@icims-sync/vault-client';

@ValidatorConstraint({ name: 'timeZone' })
class IsTimeZone implements ValidatorConstraintInterface {
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
class IsCronExpression implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && CronTime.validateCronExpression(value).valid;
  }

  defaultMessage(): string {
    return 'IMPORT_CRON must be a cron expression (5 or 6 fields), such as 0 0 * * *';
  }
}

/** Environment of scheduler; every variable is documented in the README's config reference. */
export class SchedulerConfig extends VaultCallerConfig {
  override PORT = 3004;

  /** When the automatic import runs, in IMPORT_TIME_ZONE (the first seed: 12 AM Pacific). */
  @IsString() @Validate(IsCronExpression)
  IMPORT_CRON: string = '0 0 * * *';

  /** DST-correct: midnight stays local midnight in summer and winter. */
  @IsString() @Validate(IsTimeZone)
  IMPORT_TIME_ZONE: string = 'America/Los_Angeles';

  /** A leader that stops renewing loses the lease after this; a standby takes over. */
  @IsInt() @Min(3_000) @Max(600_000)
  LEASE_TTL_MS: number = 30_000;

  /** How long sync runs are kept; the same value as icims-ingest's. */
  @IsInt() @Min(1) @Max(3650)
  AUDIT_RETENTION_DAYS: number = 400;

  /** How long a queued import holds its tenant before it counts as abandoned (a requester that died before handing it over). */
  @IsInt() @Min(1_000) @Max(3_600_000)
  IMPORT_QUEUED_LEASE_MS: number = 120_000;

  /** How often the leader looks for imports whose lease lapsed, to fail them and free their tenant. */
  @IsInt() @Min(100) @Max(600_000)
  ABANDONED_IMPORT_SWEEP_MS: number = 15_000;
}
