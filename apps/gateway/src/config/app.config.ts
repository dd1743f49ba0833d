import { BaseServiceConfig } from '@icims-sync/platform';

/** Environment of gateway; every variable is documented in the README's config reference. */
export class GatewayConfig extends BaseServiceConfig {
  override PORT = 3000;
}
