export * from './eventually';
export * from './kafka';
export * from './service-process';
export * from './service-lifecycle';
export * from './stack-env';
export { mock, mockDeep } from 'jest-mock-extended';
export * from './admin-api';
export * from './sync-stack';
export * from './sse';
