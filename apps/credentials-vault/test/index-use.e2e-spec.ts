import mongoose from 'mongoose';
import { explainQueriesOf, mongoUrlFor, uniqueName } from '@icims-sync/testing';
import { AdminSignInRepository } from '../src/admin/admin-sign-in.repository';
import { AdminSignInDocument, AdminSignInSchema } from '../src/admin/admin-sign-in.schema';
import { ConfigChangeRepository } from '../src/admin/config-change.repository';
import { ConfigChangeDocument, ConfigChangeSchema } from '../src/admin/config-change.schema';
import { ConnectionRepository } from '../src/connections/connection.repository';
import { ConnectionDocument, ConnectionSchema } from '../src/connections/connection.schema';

describe('every vault query uses an index (explain on the real MongoDB)', () => {
  const database = uniqueName('vault-indexes');
  let connection: mongoose.Connection;
  let connections: ConnectionRepository;
  let changes: ConfigChangeRepository;
  let signIns: AdminSignInRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrlFor(database), { autoIndex: false, monitorCommands: true }).asPromise();
    connections = new ConnectionRepository(connection.model(ConnectionDocument.name, ConnectionSchema));
    changes = new ConfigChangeRepository(connection.model(ConfigChangeDocument.name, ConfigChangeSchema));
    signIns = new AdminSignInRepository(connection.model(AdminSignInDocument.name, AdminSignInSchema));
    await Promise.all([connections.onModuleInit(), changes.onModuleInit(), signIns.onModuleInit()]);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('finds connections, settings history and sign-ins through an index (the two daily or operator-run scans aside)', async () => {
    const actor = { userId: 'u-1', displayName: 'Ada Admin' };

    const explained = await explainQueriesOf(connection, async () => {
      await changes.saveWith('acme', actor, 'credentials.saved', { customerId: '1234' }, (session) => connections.update('acme', { $set: { customerId: '1234', 'inbound.identity': 'id-1' } }, session));
      await connections.find('acme');
      await connections.findByCustomerId('1234');
      await connections.findByInboundIdentity('id-1');
      await changes.list('acme', 10);
      await changes.list('acme', 10, new Date());
      await signIns.record('acme', actor);
      await signIns.find('acme', 'u-1');
      await signIns.list('acme');
    });

    const collections = new Set(explained.map(({ query }) => query.split(' ')[1]));
    expect([...collections].sort()).toEqual(['admin_sign_ins', 'config_changes', 'connections']);
    expect(explained.filter((query) => query.readsWholeCollection).map(({ query, plan }) => `${query}: ${plan}`)).toEqual([]);
  });
});
