import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { AdminClaims } from './admin-token.verifier';
import { AdminRequest } from './hr-admin.guard';

/** The HR admin HrAdminGuard let through. */
export const CurrentAdmin = createParamDecorator((_data: unknown, context: ExecutionContext): AdminClaims => context.switchToHttp().getRequest<AdminRequest>().admin!);
