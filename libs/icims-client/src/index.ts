export * from './auth/hmac-signature';
export * from './auth/icims-authorizer';
export * from './auth/local-icims-authorizer';
export * from './auth/oauth-token-cache';
export * from './icims.exception';
export * from './icims-client';
export * from './request-budget';
