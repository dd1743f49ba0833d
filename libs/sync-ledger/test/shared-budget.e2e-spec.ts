import mongoose from 'mongoose';
import { RequestBudget } from '@icims-sync/icims-client';
import { mongoUrlFor, uniqueName } from '@icims-sync/testing';
import { MongoBudgetStore } from '../src/budget/mongo-budget.store';

describe('the iCIMS budget shared by replicas (real MongoDB)', () => {
  const database = uniqueName('budget');
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrlFor(database), { autoIndex: false }).asPromise();
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('lets twelve replicas together spend one tenant\'s day exactly once, the manual reserve included', async () => {
    const store = new MongoBudgetStore(connection);
    await store.onModuleInit();
    const replicas = Array.from({ length: 12 }, () => new RequestBudget(() => ({ dailyLimit: 100, reserveForManual: 20 }), { store }));
    const takeAll = (priority: 'automatic' | 'manual', count: number) =>
      Promise.allSettled(Array.from({ length: count }, (_, index) => replicas[index % replicas.length].take('acme', priority)));

    const automatic = await takeAll('automatic', 200);
    const manual = await takeAll('manual', 200);

    expect(automatic.filter(({ status }) => status === 'fulfilled')).toHaveLength(80);
    expect(manual.filter(({ status }) => status === 'fulfilled')).toHaveLength(20);
    const [day] = await connection.collection('icims_budget').find().toArray();
    expect(day).toMatchObject({ _id: `acme:${new Date().toISOString().slice(0, 10)}`, used: 100, expiresAt: expect.any(Date) });
    await expect(replicas[0].take('globex', 'manual')).resolves.toBeUndefined();
  });
});
