import { describeServiceLifecycle } from '@icims-sync/testing';

describeServiceLifecycle('icims-ingest');
