import { BaseServiceConfig } from '@icims-sync/platform';

/** Environment of hr-export; every variable is documented in the README's config reference. */
export class HrExportConfig extends BaseServiceConfig {
  override PORT = 3003;
}
