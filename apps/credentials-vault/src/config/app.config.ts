import { IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { BaseServiceConfig, Secret } from '@icims-sync/platform';

/** Environment of credentials-vault; every variable is documented in the README. */
export class CredentialsVaultConfig extends BaseServiceConfig {
  override PORT = 3001;

  /** A mounted Kubernetes Secret: one `id:base64key` per line. Preferred over VAULT_KEKS. */
  @IsOptional() @IsString() VAULT_KEK_FILE?: string;

  /** Development only: the same `id:base64key` list, comma-separated. */
  @Secret() @IsOptional() @IsString() VAULT_KEKS?: string;

  /** Which key wraps new secrets; needed when several are loaded (during rotation). */
  @IsOptional() @IsString() VAULT_ACTIVE_KEK_ID?: string;

  /** Other services present it in `x-service-token`; nothing else reaches the internal API. */
  @Secret()
  @IsString()
  @MinLength(32, { message: 'VAULT_SERVICE_TOKEN must be at least 32 characters' })
  VAULT_SERVICE_TOKEN!: string;

  /** Points every region at one iCIMS (the sandbox) instead of the real hosts. */
  @IsOptional() @IsUrl({ require_tld: false }) ICIMS_API_URL_OVERRIDE?: string;
  @IsOptional() @IsUrl({ require_tld: false }) ICIMS_TOKEN_URL_OVERRIDE?: string;

  /** The HR system's users API: owners must be active HR admins there. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'HR_API_URL must be an http(s) URL' })
  HR_API_URL!: string;

  /** How long an owner check against the HR system is trusted before asking again. */
  @IsInt() @Min(0) @Max(3_600_000)
  OWNER_CHECK_TTL_MS: number = 60_000;

  /** Longest a Connect test waits for iCIMS. */
  @IsInt() @Min(1_000) @Max(60_000)
  CONNECT_TIMEOUT_MS: number = 10_000;
}
