import { IsInt, IsUrl, Max, Min, MinLength } from 'class-validator';
import { BaseServiceConfig, Secret } from '@icims-sync/platform';

/** Environment of the gateway; every variable is documented in the README. */
export class GatewayConfig extends BaseServiceConfig {
  override PORT = 3000;

  /** credentials-vault's internal API. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'VAULT_URL must be an http(s) URL' })
  VAULT_URL!: string;

  @Secret()
  @MinLength(32, { message: 'VAULT_SERVICE_TOKEN must be at least 32 characters' })
  VAULT_SERVICE_TOKEN!: string;

  /** Largest webhook body after gzip is undone; larger (or a gzip bomb) is a 413. */
  @IsInt() @Min(1024) @Max(10 * 1024 * 1024)
  WEBHOOK_MAX_BYTES: number = 256 * 1024;
}
