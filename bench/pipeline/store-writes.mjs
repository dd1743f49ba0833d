// What the store wrote during a benchmark, per unit of work: documents inserted, updated and
// deleted, the write commands that carried them, and the write operations per collection
// (the server's own `serverStatus` and `top` counters, so no client-side guess).
import { MongoClient } from 'mongodb';

const WRITE_COMMANDS = ['insert', 'update', 'delete', 'findAndModify'];

async function snapshot(client) {
  const admin = client.db('admin');
  const status = await admin.command({ serverStatus: 1 });
  const { totals } = await admin.command({ top: 1 });
  const byCollection = new Map();
  for (const [namespace, counts] of Object.entries(totals)) {
    if (typeof counts !== 'object' || /^(admin|config|local)\./.test(namespace)) continue;
    // `top` counts an insert command once, however many documents it carries; updates and removes per statement.
    const ops = counts.insert.count + counts.update.count + counts.remove.count;
    const collection = namespace.slice(namespace.indexOf('.') + 1);
    byCollection.set(collection, (byCollection.get(collection) ?? 0) + ops);
  }
  const { document, commands } = status.metrics;
  return {
    documents: { inserted: Number(document.inserted), updated: Number(document.updated), deleted: Number(document.deleted) },
    commands: WRITE_COMMANDS.reduce((sum, name) => sum + Number(commands[name]?.total ?? 0), 0),
    // Reads and everything else (hello, endSessions, aggregate...), for the whole picture of the store's work.
    reads: Number(status.opcounters.query) + Number(status.opcounters.getmore),
    otherCommands: Number(status.opcounters.command),
    byCommand: new Map(Object.entries(commands).flatMap(([name, counts]) => (typeof counts?.total === 'object' || counts?.total === undefined ? [] : [[name, Number(counts.total)]]))),
    byCollection,
  };
}

/** Starts counting; `stop()` answers the writes since. */
export async function startStoreWrites(mongoUrl = process.env.MONGO_URL) {
  const client = await MongoClient.connect(mongoUrl);
  const before = await snapshot(client);
  return {
    async stop() {
      const after = await snapshot(client);
      await client.close();
      const documents = Object.fromEntries(Object.keys(before.documents).map((kind) => [kind, after.documents[kind] - before.documents[kind]]));
      const byCollection = [...after.byCollection]
        .map(([collection, ops]) => ({ collection, ops: ops - (before.byCollection.get(collection) ?? 0) }))
        .filter(({ ops }) => ops > 0)
        .sort((a, b) => b.ops - a.ops);
      const delta = (name) => after[name] - before[name];
      const byCommand = [...after.byCommand]
        .map(([command, count]) => ({ command, count: count - (before.byCommand.get(command) ?? 0) }))
        .filter(({ count }) => count > 0)
        .sort((a, b) => b.count - a.count);
      return { documents, commands: delta('commands'), reads: delta('reads'), otherCommands: delta('otherCommands'), byCommand, byCollection };
    },
  };
}

export function printStoreWrites({ documents, commands, reads, otherCommands, byCommand, byCollection }, units, unit) {
  const per = (n) => (n / units).toFixed(2);
  const written = documents.inserted + documents.updated + documents.deleted;
  // The server counts a document an upsert inserts under neither: those show in the write ops by collection.
  console.log(`store writes per ${unit}: ${per(commands)} write commands; ${per(written)} documents (${per(documents.inserted)} inserted, ${per(documents.updated)} updated, ${per(documents.deleted)} deleted, upserts aside)`);
  console.log(`  and ${per(reads)} queries and ${per(otherCommands)} other commands (transaction commits among them) per ${unit}; write ops (an insert command, an update or delete statement) by collection:`);
  for (const { collection, ops } of byCollection) console.log(`  ${collection.padEnd(18)} ${per(ops).padStart(6)} write ops`);
  console.log(`every command the store ran, per ${unit}: ${byCommand.slice(0, 10).map(({ command, count }) => `${command} ${per(count)}`).join(', ')}`);
}
