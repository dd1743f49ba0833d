import { BaseServiceConfig } from '@icims-sync/platform';

/** Environment of scheduler; every variable is documented in the README's config reference. */
export class SchedulerConfig extends BaseServiceConfig {
  override PORT = 3004;
}
