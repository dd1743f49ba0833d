// Apache Kafka 3.9 as a single KRaft node, from the official jars on Maven Central.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { KAFKA_HOME, LOGS, ROOT, VERSIONS } from './paths.mjs';
import { isPortOpen, run, runningPid, startDetached, waitFor } from './processes.mjs';

const JARS = path.join(KAFKA_HOME, 'jars');
const DATA = path.join(KAFKA_HOME, 'data');
const POM = path.join(ROOT, 'tools/stack/kafka/pom.xml');
const LOG4J = path.join(ROOT, 'tools/stack/kafka/log4j.properties');
const CLASSPATH = `${JARS}/*`;

export function installKafka() {
  if (fs.existsSync(path.join(JARS, `kafka_2.13-${VERSIONS.kafka}.jar`))) return false;
  console.log(`stack: fetching the Kafka ${VERSIONS.kafka} jars from Maven Central (once)`);
  // Output captured: Maven writes colour codes even in batch mode; run() shows it on failure.
  run('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', POM, `-Dkafka.version=${VERSIONS.kafka}`, 'dependency:copy-dependencies', `-DoutputDirectory=${JARS}`]);
  return true;
}

function writeServerProperties(ports) {
  const file = path.join(KAFKA_HOME, 'server.properties');
  fs.writeFileSync(file, [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${ports.kafkaController}`,
    `listeners=PLAINTEXT://127.0.0.1:${ports.kafka},CONTROLLER://127.0.0.1:${ports.kafkaController}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${ports.kafka}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${DATA}`,
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Services create their topics (and DLQs) explicitly; a typo must not invent one.
    'auto.create.topics.enable=false',
    '',
  ].join('\n'));
  return file;
}

function java(mainClass, args) {
  return ['-Xms256m', '-Xmx512m', `-Dlog4j.configuration=file:${LOG4J}`, `-Dkafka.logs.dir=${LOGS}`, '-cp', CLASSPATH, mainClass, ...args];
}

export async function startKafka(ports) {
  const broker = `127.0.0.1:${ports.kafka}`;
  if (runningPid('kafka')) {
    await waitUntilServing(broker);
    return { broker, started: false };
  }
  if (await isPortOpen(ports.kafka)) {
    throw new Error(`port ${ports.kafka} is taken by a process this stack did not start; set STACK_KAFKA_PORT or KAFKA_BROKERS`);
  }
  fs.mkdirSync(DATA, { recursive: true });
  const properties = writeServerProperties(ports);
  if (!fs.existsSync(path.join(DATA, 'meta.properties'))) {
    const clusterId = run('java', java('kafka.tools.StorageTool', ['random-uuid'])).trim();
    run('java', java('kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', properties, '--ignore-formatted']));
  }
  startDetached('kafka', 'java', java('kafka.Kafka', [properties]));
  await waitUntilServing(broker);
  return { broker, started: true };
}

/** Ready means a metadata request succeeds, not merely an open port. */
async function waitUntilServing(broker) {
  const { Kafka, logLevel } = createRequire(path.join(ROOT, 'package.json'))('kafkajs');
  const admin = new Kafka({ brokers: [broker], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  await waitFor(async () => {
    if (!runningPid('kafka')) throw new Error(`the broker exited; see ${path.join(LOGS, 'kafka.log')}`);
    await admin.connect();
    try {
      await admin.describeCluster();
      return true;
    } finally {
      await admin.disconnect();
    }
  }, { timeoutMs: 90_000, intervalMs: 300, what: `Kafka at ${broker}` });
}
