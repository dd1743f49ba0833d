import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('gateway');
