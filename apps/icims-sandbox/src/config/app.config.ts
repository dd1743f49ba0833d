import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { HttpServiceConfig, Secret } from '@icims-sync/platform';

/** Environment of the iCIMS sandbox. The DEMO_* variables create one customer at start. */
export class IcimsSandboxConfig extends HttpServiceConfig {
  override PORT = 4000;

  @IsInt() @Min(60) @Max(30 * 86_400)
  TOKEN_TTL_SECONDS: number = 86_400;

  @IsOptional() @Matches(/^\d{1,20}$/, { message: 'DEMO_CUSTOMER_ID must be an iCIMS customer id (digits)' })
  DEMO_CUSTOMER_ID?: string;

  @IsOptional() @IsString() DEMO_CLIENT_ID?: string;
  @Secret() @IsOptional() @IsString() DEMO_CLIENT_SECRET?: string;
  @IsOptional() @IsString() DEMO_USERNAME?: string;
  @Secret() @IsOptional() @IsString() DEMO_PASSWORD?: string;
  @Secret() @IsOptional() @IsString() DEMO_HMAC_KEY?: string;

  @IsInt() @Min(0) @Max(1_000_000)
  DEMO_SEED_COUNT: number = 0;

  @IsInt() @Min(0)
  DEMO_DAILY_BUDGET: number = 10_000;
}
