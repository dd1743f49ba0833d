import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateNested } from 'class-validator';

export class CustomerDto {
  @IsOptional() @IsString() clientId?: string;
  @IsOptional() @IsString() clientSecret?: string;
  @IsOptional() @IsString() username?: string;
  @IsOptional() @IsString() password?: string;
  @IsOptional() @IsString() hmacKey?: string;
  @IsOptional() @IsBoolean() accessDenied?: boolean;
  /** 0 switches the budget off. */
  @IsOptional() @IsInt() @Min(0) dailyBudget?: number;
}

export class FaultsDto {
  @IsOptional() @IsInt() @Min(0) @Max(60_000) latencyMs?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) errorRate?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) burst429?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) burst500?: number;
  @IsOptional() @IsInt() @Min(0) @Max(86_400) retryAfterSeconds?: number;
}

export class SeedDto {
  @IsInt() @Min(1) @Max(1_000_000) count!: number;
  @IsOptional() @IsInt() seed?: number;
  @IsOptional() @IsInt() @Min(0) invalidEvery?: number;
}

export class InboundAuthDto {
  @IsIn(['basic', 'hmac', 'oauth']) method!: 'basic' | 'hmac' | 'oauth';
  @IsOptional() @IsString() username?: string;
  @IsOptional() @IsString() password?: string;
  @IsOptional() @IsString() hmacKey?: string;
  @IsOptional() @IsUrl({ require_tld: false }) tokenUrl?: string;
  @IsOptional() @IsString() clientId?: string;
  @IsOptional() @IsString() clientSecret?: string;
}

export class EmitHireDto {
  @IsUrl({ require_tld: false }) targetUrl!: string;
  @Matches(/^\d+$/) personId!: string;
  @IsString() newStatus!: string;
  @IsOptional() @IsString() oldStatus?: string;
  @IsOptional() @Matches(/^\d+$/) jobId?: string;
  @IsOptional() @IsBoolean() gzip?: boolean;
  @ValidateNested() @Type(() => InboundAuthDto) @IsObject() auth!: InboundAuthDto;
}
