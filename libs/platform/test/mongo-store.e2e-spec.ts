import { Test, TestingModule } from '@nestjs/testing';
import { MongooseModule, getConnectionToken, getModelToken } from '@nestjs/mongoose';
import mongoose, { Model } from 'mongoose';
import { GroupedBulkWrite, PROCESSED_EVENTS_TTL_DAYS, ProcessedEventRepository, RetentionService, isDuplicateKey } from '@icims-sync/platform';
import { expectEventually, explainQueriesOf, mongoUrlFor, uniqueName } from '@icims-sync/testing';
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

  describe(GroupedBulkWrite.name, () => {
    interface Entry {
      _id: string;
      name: string;
      email?: string;
    }
    let model: Model<Entry>;
    let commands: string[];

    beforeAll(async () => {
      model = connection.model<Entry>('GroupedEntry', new mongoose.Schema<Entry>({ _id: String, name: { type: String, required: true }, email: String }, { versionKey: false }));
      await model.collection.createIndex({ email: 1 }, { unique: true, sparse: true });
      connection.getClient().on('commandStarted', (event) => commands.push(event.commandName));
    });
    beforeEach(() => (commands = []));

    it('sends what arrives together as one command, telling each caller whether its document was new', async () => {
      await model.create({ _id: 'taken', name: 'first' });
      commands = [];
      const sut = new GroupedBulkWrite(model);

      const results = await Promise.all([
        sut.insertIfAbsent({ _id: 'a', name: 'A' }),
        sut.insertIfAbsent({ _id: 'taken', name: 'second' }),
        sut.insertIfAbsent({ _id: 'b', name: 'B' }),
        sut.insertIfAbsent({ _id: 'a', name: 'again' }),
      ]);

      expect(results).toEqual([true, false, true, false]);
      expect(commands.filter((name) => name === 'insert')).toHaveLength(1);
      const stored = await model.find({ _id: { $in: ['a', 'b', 'taken'] } }).sort({ _id: 1 }).lean();
      expect(stored.map((entry) => `${entry._id}=${entry.name}`)).toEqual(['a=A', 'b=B', 'taken=first']);
    });

    it('rejects a write a unique index refuses to its caller alone', async () => {
      await model.create({ _id: 'holder', name: 'H', email: 'h@example.com' });
      const sut = new GroupedBulkWrite(model);

      const [clash, fine] = await Promise.allSettled([
        sut.write({ insertOne: { document: { _id: 'c', name: 'C', email: 'h@example.com' } } }),
        sut.write({ updateOne: { filter: { _id: 'd' }, update: { $set: { name: 'D' } }, upsert: true } }),
      ]);

      expect(clash).toMatchObject({ status: 'rejected', reason: { code: 11000 } });
      expect(isDuplicateKey((clash as PromiseRejectedResult).reason)).toBe(true);
      expect(fine).toEqual({ status: 'fulfilled', value: true });
      expect(await model.exists({ _id: 'c' })).toBeNull();
      expect(await model.collection.findOne({ _id: 'd' as never })).toEqual({ _id: 'd', name: 'D' });
    });
  });

  describe(ProcessedEventRepository.name, () => {
    let sut: ProcessedEventRepository;
    let model: Model<ProcessedEvent>;
    let moduleRef: TestingModule;

    beforeAll(async () => {
      moduleRef = await Test.createTestingModule({
        imports: [
          MongooseModule.forRoot(mongoUrlFor(database), { autoIndex: false, monitorCommands: true }),
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

    it('looks ids up through the _id index, those asked together in one query', async () => {
      const explained = await explainQueriesOf(moduleRef.get<mongoose.Connection>(getConnectionToken()), () => Promise.all([sut.isProcessed('group-f', 'e-1'), sut.isProcessed('group-f', 'e-2')]));

      expect(explained).toEqual([expect.objectContaining({ query: expect.stringMatching(/^find processed_events \{"_id":\{"\$in":\["group-f:e-1","group-f:e-2"\]\}\}/), readsWholeCollection: false })]);
    });

    it('answers which of a batch of ids are processed in one query, and marks a batch in one insert', async () => {
      const connectionOfRepository = moduleRef.get<mongoose.Connection>(getConnectionToken());
      const commands: string[] = [];
      const count = (event: { commandName: string }) => commands.push(event.commandName);
      connectionOfRepository.getClient().on('commandStarted', count);

      await sut.markAllProcessed('group-g', ['a', 'b']);
      const processed = await sut.processedAmong('group-g', ['a', 'b', 'c']);

      connectionOfRepository.getClient().off('commandStarted', count);
      expect(processed).toEqual(new Set(['a', 'b']));
      expect(commands).toEqual(['insert', 'find']);
    });

    it('keeps one document per id, whose dedupe window runs from the first mark', async () => {
      await sut.markProcessed('group-d', 'e-1');
      const first = await model.findById('group-d:e-1').lean();
      // A later clock, so a second write of the time would show.
      while (Date.now() <= first!.processedAt.getTime()) await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([sut.markProcessed('group-d', 'e-1'), sut.markProcessed('group-d', 'e-1')]);

      expect(await model.countDocuments({ scope: 'group-d' })).toBe(1);
      expect(await model.findById('group-d:e-1').lean()).toEqual(first);
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
