import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('hr-export');
