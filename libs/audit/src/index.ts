export * from './audit.module';
export * from './cursor.util';
export * from './import-queue.service';
export * from './import-run.repository';
export * from './sync-audit.repository';
export * from './sync-run.schema';
export * from './sync-state.repository';
export * from './sync-state.schema';
