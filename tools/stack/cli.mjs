#!/usr/bin/env node
// npm run stack -- start|stop|status|install
import { installKafka } from './kafka.mjs';
import { installMongod } from './mongod.mjs';
import { ensureStack, stackStatus, stopStack } from './stack.mjs';

const commands = {
  async install() {
    installKafka();
    installMongod();
    console.log('stack: Kafka jars and mongod are installed under .local/');
  },
  async start() {
    const { env } = await ensureStack();
    console.log(`export KAFKA_BROKERS=${env.KAFKA_BROKERS}\nexport MONGO_URL=${env.MONGO_URL}`);
  },
  async stop() {
    await stopStack();
    console.log('stack: stopped');
  },
  async status() {
    console.log(JSON.stringify(stackStatus()));
  },
};

const command = commands[process.argv[2]];
if (!command) {
  console.error(`usage: npm run stack -- ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
command().catch((error) => {
  console.error(`stack: ${error.message}`);
  process.exit(1);
});
