import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseServiceConfig, Secret } from '@icims-sync/platform';

/** Environment of the HR sandbox (an HR system with a REST API and save events). */
export class HrSandboxConfig extends BaseServiceConfig {
  override PORT = 4001;

  /** HS256 key for the admin JWTs it issues; icims-sync verifies them with the same key. */
  @Secret()
  @IsString()
  @MinLength(32, { message: 'JWT_SIGNING_KEY must be at least 32 characters' })
  JWT_SIGNING_KEY!: string;

  @IsString() JWT_ISSUER: string = 'hr-sandbox';
  @IsString() JWT_AUDIENCE: string = 'icims-sync';

  @IsInt() @Min(60) @Max(86_400)
  JWT_TTL_SECONDS: number = 3_600;
}
