import { Test, TestingModule } from '@nestjs/testing';
import { MongooseModule, getModelToken } from '@nestjs/mongoose';
import mongoose, { Model } from 'mongoose';
import { InsertOnce, PROCESSED_EVENTS_TTL_DAYS, ProcessedEventRepository, RetentionService } from '@icims-sync/platform';
import { expectEventually, mongoUrlFor, uniqueName } from '@icims-sync/testing';
// Internal schema: the repository is what the other libs use; the test reads behind it.
import { ProcessedEvent, ProcessedEventSchema } from '../src/idempotency/processed-event.schema';

describe('MongoDB store (real server)', () => {
  const database = uniqueName('store');
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUrlFor(database), { autoIndex: false, monitorCommands: true }).asPromise();
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('writes a mongoose document and reads it back', async () => {
    const Run = connection.model('RoundTrip', new mongoose.Schema({ runId: String, counters: { added: Number, total: Number }, at: Date }));
    const at = new Date('2026-11-22T08:00:00.000Z');
    await Run.create({ runId: 'r-1', counters: { added: 2, total: 3 }, at });

    const found = await Run.findOne({ runId: 'r-1' }).lean();

    expect(found).toMatchObject({ runId: 'r-1', counters: { added: 2, total: 3 }, at });
  });

  describe(InsertOnce.name, () => {
    interface Entry {
      _id: string;
      name: string;
      note?: string;
    }
    let model: Model<Entry>;
    let commands: string[];

    beforeAll(() => {
      model = connection.model<Entry>('InsertOnceEntry', new mongoose.Schema<Entry>({ _id: String, name: { type: String, required: true }, note: String }, { versionKey: false }));
      connection.getClient().on('commandStarted', (event) => commands.push(event.commandName));
    });
    beforeEach(() => (commands = []));

    it('inserts what arrives together in one command, telling each caller whether its document was new', async () => {
      await model.create({ _id: 'taken', name: 'first' });
      commands = [];
      const sut = new InsertOnce(model);

      const results = await Promise.all([sut.insert({ _id: 'a', name: 'A' }), sut.insert({ _id: 'taken', name: 'second' }), sut.insert({ _id: 'b', name: 'B' }), sut.insert({ _id: 'a', name: 'again' })]);

      expect(results).toEqual([true, false, true, false]);
      expect(commands.filter((name) => name === 'insert')).toHaveLength(1);
      const stored = await model.find({ _id: { $in: ['a', 'b', 'taken'] } }).sort({ _id: 1 }).lean();
      expect(stored.map((entry) => `${entry._id}=${entry.name}`)).toEqual(['a=A', 'b=B', 'taken=first']);
    });

    it('stores no field for an undefined value, and refuses a document the schema refuses to its caller alone', async () => {
      const sut = new InsertOnce(model);

      const [invalid, valid] = await Promise.allSettled([sut.insert({ _id: 'c' } as Entry), sut.insert({ _id: 'd', name: 'D', note: undefined })]);

      expect(invalid).toMatchObject({ status: 'rejected', reason: { name: 'ValidationError' } });
      expect(valid).toEqual({ status: 'fulfilled', value: true });
      expect(await model.collection.findOne({ _id: 'd' as never })).toEqual({ _id: 'd', name: 'D' });
      expect(await model.exists({ _id: 'c' })).toBeNull();
    });
  });

  describe(ProcessedEventRepository.name, () => {
    let sut: ProcessedEventRepository;
    let model: Model<ProcessedEvent>;
    let moduleRef: TestingModule;

    beforeAll(async () => {
      moduleRef = await Test.createTestingModule({
        imports: [
          MongooseModule.forRoot(mongoUrlFor(database), { autoIndex: false }),
          MongooseModule.forFeature([{ name: ProcessedEvent.name, schema: ProcessedEventSchema }]),
        ],
        providers: [ProcessedEventRepository, RetentionService, { provide: PROCESSED_EVENTS_TTL_DAYS, useValue: 7 }],
      }).compile();
      await moduleRef.init();
      sut = moduleRef.get(ProcessedEventRepository);
      model = moduleRef.get(getModelToken(ProcessedEvent.name));
    });
    afterAll(async () => moduleRef.close());

    it('remembers an id per scope, for 7 days', async () => {
      await sut.markProcessed('group-a', 'e-1');
      await sut.markProcessed('group-a', 'e-1');

      expect(await sut.isProcessed('group-a', 'e-1')).toBe(true);
      expect(await sut.isProcessed('group-b', 'e-1')).toBe(false);
      const stored = await model.find({ scope: 'group-a' }).lean();
      expect(stored).toHaveLength(1);
      const ttlDays = (stored[0].expiresAt.getTime() - stored[0].processedAt.getTime()) / 86_400_000;
      expect(ttlDays).toBe(7);
    });

    it('claims an id once: new, then unfinished until marked, then processed', async () => {
      expect(await sut.claim('group-d', 'e-1')).toBe('new');
      expect(await sut.claim('group-d', 'e-1')).toBe('unfinished');
      expect(await sut.claim('group-e', 'e-1')).toBe('new');
      await sut.markProcessed('group-d', 'e-1');
      expect(await sut.claim('group-d', 'e-1')).toBe('processed');
      expect(await sut.claim('group-e', 'e-1')).toBe('unfinished');
    });

    it('expires entries whose time has passed through the TTL index, with no sweep of its own', async () => {
      await model.create({ _id: 'group-c:old', scope: 'group-c', processedAt: new Date(0), expiresAt: new Date(Date.now() - 1_000) });
      await model.create({ _id: 'group-c:new', scope: 'group-c', processedAt: new Date(), expiresAt: new Date(Date.now() + 10 * 60_000) });

      const indexes = await model.collection.indexes();
      expect(indexes.find((index) => index.name === 'expiresAt_ttl')).toMatchObject({ key: { expiresAt: 1 }, expireAfterSeconds: 0 });
      // The server's TTL monitor deletes it: every 10 s on the local mongod, every 60 s by default elsewhere.
      await expectEventually(async () => expect(await sut.isProcessed('group-c', 'old')).toBe(false), { timeoutMs: 150_000, intervalMs: 500 });
      expect(await sut.isProcessed('group-c', 'new')).toBe(true);
    }, 180_000);
  });
});
