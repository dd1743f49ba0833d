import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('scheduler');
