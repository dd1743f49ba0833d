import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TENANT_ID_PATTERN } from '@icims-sync/contracts';
import { HR_ADMIN_ROLE, HrUsersClient, adminIneligibility } from '@icims-sync/hr-client';
import { AppException } from '@icims-sync/platform';
import { AdminClaims, AdminTokenVerifier } from './admin-token.verifier';

export type AdminRequest = FastifyRequest<{ Params: { tenantId: string } }> & { admin?: AdminClaims };

const forbidden = (message: string) => new AppException('FORBIDDEN', message, 'forbidden');

/**
 * Only an HR admin of the tenant in the path, active in the HR system right now, passes.
 * The token says who they are; the HR system says whether they still may.
 */
@Injectable()
export class HrAdminGuard implements CanActivate {
  constructor(
    private readonly tokens: AdminTokenVerifier,
    private readonly users: HrUsersClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const claims = await this.tokens.verify(request.headers.authorization);
    const tenantId = request.params.tenantId;
    if (!TENANT_ID_PATTERN.test(tenantId) || claims.tenantId !== tenantId) throw forbidden(`your sign-in is for tenant ${claims.tenantId}, not ${tenantId}`);
    if (!claims.roles.includes(HR_ADMIN_ROLE)) throw forbidden('only an HR admin can see or change the iCIMS integration');
    const problem = adminIneligibility(await this.users.find(tenantId, claims.userId));
    if (problem) throw forbidden(`your account ${problem}; only an active HR admin can see or change the iCIMS integration`);
    request.admin = claims;
    return true;
  }
}
