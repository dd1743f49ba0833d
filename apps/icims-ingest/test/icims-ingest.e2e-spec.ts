import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('icims-ingest', { VAULT_URL: 'http://127.0.0.1:9', VAULT_SERVICE_TOKEN: 'a-service-token-of-at-least-32-chars!', HR_API_URL: 'http://127.0.0.1:9' });
