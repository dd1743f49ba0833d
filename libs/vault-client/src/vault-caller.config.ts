import { IsUrl, MinLength } from 'class-validator';
import { BaseServiceConfig, Secret } from '@icims-sync/platform';

/** Environment of a service that calls the vault's internal API (gateway, icims-ingest, scheduler). */
export class VaultCallerConfig extends BaseServiceConfig {
  /** The vault's internal API (`http://credentials-vault` in Kubernetes). */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'VAULT_URL must be an http(s) URL' })
  VAULT_URL!: string;

  @Secret()
  @MinLength(32, { message: 'VAULT_SERVICE_TOKEN must be at least 32 characters' })
  VAULT_SERVICE_TOKEN!: string;
}
