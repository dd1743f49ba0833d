import { Matches } from 'class-validator';
import { TENANT_ID_PATTERN } from '../envelope';

/** The development sign-in: a user of the HR sandbox, by tenant and user id. */
export class DevSignInDto {
  @Matches(TENANT_ID_PATTERN, { message: 'tenantId must be lowercase letters, digits and dashes' })
  tenantId!: string;

  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'userId must be 1-100 letters, digits, dots, dashes, underscores or @' })
  userId!: string;
}
