import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsIntBetween } from '@icims-sync/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = (field: string) => ({ message: `${field} must be a date as yyyy-mm-dd` });

/** Every writable employee field but the names, all optional. */
class EmployeeDetailsDto {
  @IsOptional() @Matches(/^\d{1,20}$/, { message: 'icimsId must be an iCIMS id (digits)' }) icimsId?: string;
  @IsOptional() @IsEmail() accountEmail?: string;
  @IsOptional() @IsEmail() personalEmail?: string;
  @IsOptional() @Matches(DATE, DATE_MESSAGE('startDate')) startDate?: string;
  @IsOptional() @Matches(DATE, DATE_MESSAGE('separationDate')) separationDate?: string;
  @IsOptional() @IsString() @MaxLength(255) address1?: string;
  @IsOptional() @IsString() @MaxLength(255) address2?: string;
  @IsOptional() @IsString() @MaxLength(100) city?: string;
  @IsOptional() @IsString() @MaxLength(64) state?: string;
  @IsOptional() @IsString() @MaxLength(12) zipCode?: string;
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO-3166 alpha-2 code' }) country?: string;
  @IsOptional() @IsString() @MaxLength(64) positionCode?: string;
  @IsOptional() @IsString() @MaxLength(64) departmentCode?: string;
  @IsOptional() @IsString() @MaxLength(64) locationCode?: string;
  @IsOptional() @IsString() @MaxLength(128) managerId?: string;
  @IsOptional() @Matches(/^\d{9}$/, { message: 'ssn must be 9 digits' }) ssn?: string;
  @IsOptional() @Matches(DATE, DATE_MESSAGE('dateOfBirth')) dateOfBirth?: string;
  @IsOptional() @IsString() @MaxLength(64) employeeNumber?: string;
  @IsOptional() @IsIn(['active', 'pending', 'inactive']) userStatus?: 'active' | 'pending' | 'inactive';
}

/** PATCH: any subset; `null` clears a field (names cannot be cleared). */
export class EmployeeFieldsDto extends EmployeeDetailsDto {
  @IsOptional() @IsString() @Length(1, 100) firstName?: string;
  @IsOptional() @IsString() @Length(1, 100) lastName?: string;
}

export class CreateEmployeeDto extends EmployeeDetailsDto {
  @IsString() @Length(1, 100) firstName!: string;
  @IsString() @Length(1, 100) lastName!: string;
}

export const MAX_PAGE_SIZE = 500;

/** `GET /tenants/{id}/employees`: by one or many iCIMS ids, or linked ones only, in id order. */
export class ListEmployeesQueryDto {
  @IsOptional() @Matches(/^\d{1,20}$/, { message: 'icimsId must be an iCIMS id (digits)' }) icimsId?: string;

  /** Comma-separated iCIMS ids (at most 500). */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @ArrayMaxSize(MAX_PAGE_SIZE, { message: `icimsIds takes at most ${MAX_PAGE_SIZE} ids` })
  @Matches(/^\d{1,20}$/, { each: true, message: 'icimsIds must be iCIMS ids (digits), comma-separated' })
  icimsIds?: string[];

  /** Only employees linked to an iCIMS person. */
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() linked?: boolean;

  @IsOptional() @IsString() @MaxLength(128) afterId?: string;

  @IsOptional() @Type(() => Number) @IsIntBetween(1, MAX_PAGE_SIZE) pageSize?: number;
}
