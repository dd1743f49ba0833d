import { Injectable } from '@nestjs/common';
import { IcimsSettingsView } from '@icims-sync/contracts';
import { AppException } from '@icims-sync/platform';
import { ConnectionRepository } from '../../connections/connection.repository';
import { ConnectionDocument } from '../../connections/connection.schema';
import { Actor } from '../actor.decorator';
import { ConfigChangeRepository } from '../config-change.repository';
import { EnabledConnections } from '../enabled-connections.service';
import { GetIcimsSettingsUseCase } from './get-icims-settings.usecase';

/** The privacy-policy consent: kept with its time and who gave it. Accepting twice keeps the first. */
@Injectable()
export class AcceptConsentUseCase {
  constructor(
    private readonly enabled: EnabledConnections,
    private readonly connections: ConnectionRepository,
    private readonly changes: ConfigChangeRepository,
    private readonly settings: GetIcimsSettingsUseCase,
  ) {}

  async execute(tenantId: string, actor: Actor): Promise<IcimsSettingsView> {
    const connection = await this.enabled.load(tenantId);
    if (connection.consent) return this.settings.viewOf(connection);
    const consent = { acceptedAt: new Date(), userId: actor.userId, displayName: actor.displayName };
    const saved = await this.changes.saveWith(tenantId, actor, 'consent.accepted', { consent: true }, (session) => this.connections.update(tenantId, { $set: { consent } }, session));
    return this.settings.viewOf(saved);
  }
}

/** Credentials and the Connect test come after the privacy policy is accepted. */
export function requireConsent(connection: ConnectionDocument): void {
  if (!connection.consent) {
    throw new AppException('CONSENT_REQUIRED', 'accept the privacy policy before entering iCIMS credentials', 'conflict');
  }
}
