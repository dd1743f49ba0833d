import type { ClientSession } from 'mongodb';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HrUsersClient, adminIneligibility } from '@icims-sync/hr-client';
import { DependencyUnavailableException } from '@icims-sync/platform';
import { CredentialsVaultConfig } from '../config/app.config';
import { ConnectionRepository } from '../connections/connection.repository';
import { ConnectionDocument } from '../connections/connection.schema';
import { SYSTEM } from './actor.decorator';
import { ConfigChangeRepository } from './config-change.repository';
import { OwnerStanding } from './settings-view';

/**
 * Is the connection's owner still an active HR admin? Asked of the HR system at most once
 * per OWNER_CHECK_TTL_MS per tenant; a change of answer is stored and written to history.
 */
@Injectable()
export class OwnerVerifier {
  private readonly logger = new Logger(OwnerVerifier.name);
  private readonly checked = new Map<string, { at: number; ownerId: string; standing: OwnerStanding }>();

  constructor(
    private readonly users: HrUsersClient,
    private readonly connections: ConnectionRepository,
    private readonly changes: ConfigChangeRepository,
    @Inject(CredentialsVaultConfig) private readonly config: CredentialsVaultConfig,
  ) {}

  async standingOf(connection: ConnectionDocument): Promise<OwnerStanding | undefined> {
    const owner = connection.owner;
    if (!owner) return undefined;
    const cached = this.checked.get(connection._id);
    if (cached && cached.ownerId === owner.userId && Date.now() - cached.at < this.config.OWNER_CHECK_TTL_MS) return cached.standing;
    let standing: OwnerStanding;
    try {
      const problem = adminIneligibility(await this.users.find(connection._id, owner.userId));
      standing = problem ? { valid: false, message: `the owner ${owner.displayName} ${problem}; automatic sync is paused until an active HR admin is chosen as owner` } : { valid: true };
    } catch (error) {
      if (!(error instanceof DependencyUnavailableException)) throw error;
      // An HR outage is not a reason to pause every tenant: keep the last answer.
      this.logger.warn({ tenantId: connection._id, reason: error.reason }, 'owner check skipped: HR system unavailable');
      return connection.ownerCheck ?? { valid: true };
    }
    this.checked.set(connection._id, { at: Date.now(), ownerId: owner.userId, standing });
    if (connection.ownerCheck?.valid !== standing.valid) await this.recordChange(connection, standing);
    return standing;
  }

  forget(tenantId: string): void {
    this.checked.delete(tenantId);
  }

  private async recordChange(connection: ConnectionDocument, standing: OwnerStanding): Promise<void> {
    const save = (session?: ClientSession) => this.connections.update(connection._id, { $set: { ownerCheck: { ...standing, checkedAt: new Date() } } }, session);
    // The first check of a valid owner is no change worth a line.
    if (connection.ownerCheck === undefined && standing.valid) {
      await save();
      return;
    }
    await this.changes.saveWith(connection._id, SYSTEM, standing.valid ? 'owner.valid' : 'owner.invalid', { owner: connection.owner?.userId, message: standing.message ?? null }, save);
    this.logger.warn({ tenantId: connection._id, ownerValid: standing.valid }, standing.valid ? 'connection owner valid again' : 'connection owner invalid: automatic sync paused');
  }
}
