import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('gateway', { VAULT_URL: 'http://127.0.0.1:9', VAULT_SERVICE_TOKEN: 'a-service-token-of-at-least-32-chars!' });
