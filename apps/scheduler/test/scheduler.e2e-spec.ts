import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('scheduler', { VAULT_URL: 'http://127.0.0.1:9', VAULT_SERVICE_TOKEN: 'x'.repeat(32) });
