import { Injectable } from '@nestjs/common';
import { IcimsSettingsView } from '@icims-sync/contracts';
import { ConnectionDocument } from '../../connections/connection.schema';
import { EnabledConnections } from '../enabled-connections.service';
import { OwnerVerifier } from '../owner-verifier.service';
import { toSettingsView } from '../settings-view';

/** The tenant's iCIMS settings page, with the owner checked against the HR system. */
@Injectable()
export class GetIcimsSettingsUseCase {
  constructor(
    private readonly connections: EnabledConnections,
    private readonly owners: OwnerVerifier,
  ) {}

  async execute(tenantId: string): Promise<IcimsSettingsView> {
    return this.viewOf(await this.connections.load(tenantId));
  }

  async viewOf(connection: ConnectionDocument): Promise<IcimsSettingsView> {
    return toSettingsView(connection, await this.owners.standingOf(connection));
  }
}
