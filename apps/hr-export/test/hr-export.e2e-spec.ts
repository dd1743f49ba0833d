import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('hr-export', { VAULT_URL: 'http://127.0.0.1:9', VAULT_SERVICE_TOKEN: 'a-service-token-of-at-least-32-chars!', HR_API_URL: 'http://127.0.0.1:9', SYNC_STATE_HASH_KEY: 'a-sync-state-key-of-at-least-32-chars' });
