export * from './hr-error-code.constant';
export * from './hr-http';
export * from './hr-employees.client';
export * from './hr-users.client';
export * from './hr-client.module';
