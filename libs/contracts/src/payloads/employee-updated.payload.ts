import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

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

  /** Lets hr-export suppress echoes of writes icims-sync itself made. */
  @IsIn(WRITE_ORIGINS)
  origin!: WriteOrigin;
}
