import { Injectable } from '@nestjs/common';
import { IcimsSettingsView, OwnerCandidateView } from '@icims-sync/contracts';
import { HrUsersClient, adminIneligibility } from '@icims-sync/hr-client';
import { AppException } from '@icims-sync/platform';
import { ConnectionRepository } from '../../connections/connection.repository';
import { Actor } from '../actor.decorator';
import { AdminSignInRepository } from '../admin-sign-in.repository';
import { ConfigChangeRepository } from '../config-change.repository';
import { EnabledConnections } from '../enabled-connections.service';
import { OwnerVerifier } from '../owner-verifier.service';
import { GetIcimsSettingsUseCase } from './get-icims-settings.usecase';

/** The connection's owner: an active HR admin chosen from those who have signed in. */
@Injectable()
export class SetOwnerUseCase {
  constructor(
    private readonly enabled: EnabledConnections,
    private readonly connections: ConnectionRepository,
    private readonly signIns: AdminSignInRepository,
    private readonly users: HrUsersClient,
    private readonly owners: OwnerVerifier,
    private readonly changes: ConfigChangeRepository,
    private readonly settings: GetIcimsSettingsUseCase,
  ) {}

  async execute(tenantId: string, actor: Actor, userId: string): Promise<IcimsSettingsView> {
    const connection = await this.enabled.load(tenantId);
    if (!(await this.signIns.find(tenantId, userId))) {
      throw new AppException('OWNER_NOT_SIGNED_IN', `user ${userId} has not signed in to the iCIMS settings yet; only admins who have signed in can be chosen`, 'conflict', { fields: ['userId'] });
    }
    const user = await this.users.find(tenantId, userId);
    const problem = adminIneligibility(user);
    if (problem) throw new AppException('OWNER_NOT_ELIGIBLE', `user ${userId} ${problem}; the owner must be an active HR admin`, 'conflict', { fields: ['userId'] });
    const owner = { userId, displayName: user!.displayName };
    const saved = await this.changes.saveWith(tenantId, actor, 'owner.set', { owner: userId, previousOwner: connection.owner?.userId ?? null }, (session) =>
      this.connections.update(tenantId, { $set: { owner, ownerCheck: { valid: true, checkedAt: new Date() } } }, session),
    );
    this.owners.forget(tenantId);
    return this.settings.viewOf(saved);
  }

  /** Everyone who has signed in, and whether they may own the connection now. */
  async candidates(tenantId: string): Promise<OwnerCandidateView[]> {
    await this.enabled.load(tenantId);
    const signedIn = await this.signIns.list(tenantId);
    return Promise.all(
      signedIn.map(async ({ userId, displayName, lastSignInAt }) => {
        const reason = adminIneligibility(await this.users.find(tenantId, userId));
        return { userId, displayName, lastSignInAt: lastSignInAt.toISOString(), eligible: !reason, ...(reason ? { reason } : {}) };
      }),
    );
  }
}
