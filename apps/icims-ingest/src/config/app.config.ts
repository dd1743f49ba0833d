import { BaseServiceConfig } from '@icims-sync/platform';

/** Environment of icims-ingest; every variable is documented in the README's config reference. */
export class IcimsIngestConfig extends BaseServiceConfig {
  override PORT = 3002;
}
