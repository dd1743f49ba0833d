/* eslint-disable no-console -- a command-line tool talks to its terminal. */
import { ALL_TOPICS } from '@icims-sync/contracts';
import { parseArgs } from 'node:util';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { replayDeadLetters } from '../kafka/dead-letter-replay';

const USAGE = `usage: npm run dlq -- --topic <${ALL_TOPICS.join('|')}> [--list]
  --list   print the dead letters without replaying them
Reads KAFKA_BROKERS (comma-separated host:port).`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { topic: { type: 'string' }, list: { type: 'boolean', default: false }, help: { type: 'boolean' } } });
  if (values.help) return void console.log(USAGE);
  const topic = values.topic;
  if (!topic || !(ALL_TOPICS as readonly string[]).includes(topic)) throw new Error(`--topic must be one of ${ALL_TOPICS.join(', ')}\n${USAGE}`);
  const brokers = process.env.KAFKA_BROKERS?.split(',').map((broker) => broker.trim()).filter(Boolean);
  if (!brokers?.length) throw new Error('KAFKA_BROKERS is not set');

  const kafka = new Kafka({ clientId: 'dlq-replay', brokers, logLevel: logLevel.ERROR });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const sink = { sendRaw: async (batches: { topic: string; messages: never[] }[]) => void (await producer.sendBatch({ acks: -1, topicMessages: batches })) };
    const count = await replayDeadLetters(kafka, sink, topic, {
      dryRun: values.list,
      onMessage: (letter) => console.log(JSON.stringify(letter)),
    });
    console.log(`${values.list ? 'listed' : 'replayed'} ${count} dead letter(s) of ${topic}`);
  } finally {
    await producer.disconnect();
  }
}

main().catch((error: Error) => {
  console.error(`dlq: ${error.message}`);
  process.exit(1);
});
