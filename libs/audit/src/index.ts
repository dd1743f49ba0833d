export * from './audit.module';
export * from './sync-audit.repository';
export * from './sync-run.schema';
