// class-transformer's @Type reads design metadata.
import 'reflect-metadata';

export * from './topics.constant';
export * from './envelope';
export * from './registry';
export * from './decode';
export * from './events';
export * from './payloads/candidate-hired.payload';
export * from './payloads/employee-updated.payload';
export * from './payloads/import-requested.payload';
export * from './payloads/sync-progress.payload';
