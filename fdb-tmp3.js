const { MongoClient } = require('mongodb');
(async () => {
  const c = await new MongoClient('mongodb://127.0.0.1:27017', { serverSelectionTimeoutMS: 3000 }).connect();
  const t = Date.now();
  const col = c.db('bench-ping').collection('x');
  await Promise.race([col.insertOne({ a: 1 }), new Promise((_, r) => setTimeout(() => r(new Error('timeout')), 5000))]).then(() => console.log('insert ok', Date.now() - t), (e) => console.log('insert', e.message));
  await c.close(); process.exit(0);
})();
