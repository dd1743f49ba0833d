export * from './vault-caller.config';
export * from './vault-internal.client';
export * from './remote-icims-authorizer';
export * from './tenant-settings.client';
export * from './tenant-context';
export * from './icims-clients';
