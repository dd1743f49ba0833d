import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export const WRITE_ORIGINS = ['hr', 'icims-sync'] as const;
export type WriteOrigin = (typeof WRITE_ORIGINS)[number];

/**
 * The HR system saved an employee. `values` holds the new values of the synced
 * export fields only; SSN and date of birth are never on Kafka.
 */
export class EmployeeUpdatedPayload {
  @IsString()
  @MaxLength(128)
  employeeId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  icimsId?: string;

  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  changedFields!: string[];

  @IsObject()
  values!: Record<string, unknown>;

  /**
   * Who saved, where the HR system says so: a fast path for hr-export's echo check only.
   * Absent from HR systems that do not tell; echoes are then recognised by value.
   */
  @IsOptional()
  @IsIn(WRITE_ORIGINS)
  origin?: WriteOrigin;

  /** When HR saved (ISO-8601); the envelope's `occurredAt` when absent. Decides conflicts and staleness. */
  @IsOptional()
  @IsISO8601({ strict: true })
  savedAt?: string;
}
