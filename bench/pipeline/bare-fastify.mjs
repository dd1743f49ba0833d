// The baseline: a bare Fastify hello-world, as its own process like the gateway.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/webhooks/icims', async () => ({ status: 'accepted' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.send?.('ready');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
