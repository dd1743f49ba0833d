import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('credentials-vault');
