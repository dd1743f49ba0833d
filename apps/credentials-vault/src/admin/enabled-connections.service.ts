import { Injectable } from '@nestjs/common';
import { AppException } from '@icims-sync/platform';
import { ConnectionRepository } from '../connections/connection.repository';
import { ConnectionDocument } from '../connections/connection.schema';

/** A tenant's connection for its admins; while the operator's flag is off, there is none to see. */
@Injectable()
export class EnabledConnections {
  constructor(private readonly connections: ConnectionRepository) {}

  async load(tenantId: string): Promise<ConnectionDocument> {
    const connection = await this.connections.find(tenantId);
    if (!connection?.enabled) {
      throw new AppException('INTEGRATION_NOT_ENABLED', `the iCIMS integration is not enabled for tenant ${tenantId}; ask your account manager to turn it on`, 'not_found');
    }
    return connection;
  }
}
