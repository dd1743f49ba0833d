import { logLevel } from 'kafkajs';
import { kafkajsLevelOf } from './kafka-client.factory';

const response = (error: string, level = logLevel.ERROR, request = 'GroupCoordinator(key: 10, version: 2)') => ({ level, log: { message: `Response ${request}`, error, timestamp: '', logger: 'kafkajs' } });

describe(kafkajsLevelOf.name, () => {
  it('moves a retriable broker response error, which kafkajs retries, to debug', () => {
    expect(kafkajsLevelOf(response('The group coordinator is not available'))).toBe(logLevel.DEBUG);
  });

  it('moves a leader election on a new topic to debug', () => {
    expect(kafkajsLevelOf(response('There is no leader for this topic-partition as we are in the middle of a leadership election'))).toBe(logLevel.DEBUG);
  });

  it('moves a CreateTopics answer, which TopicAdmin retries and reports, to debug', () => {
    expect(kafkajsLevelOf(response('Topic creation errors', logLevel.ERROR, 'CreateTopics(key: 19, version: 3)'))).toBe(logLevel.DEBUG);
  });

  it('keeps a non-retriable broker response error at error', () => {
    expect(kafkajsLevelOf(response('Not authorized to access topics: [Topic authorization failed]'))).toBe(logLevel.ERROR);
  });

  it('keeps errors that are not broker responses at error', () => {
    expect(kafkajsLevelOf({ level: logLevel.ERROR, log: { message: 'Crash: KafkaJSNumberOfRetriesExceeded', error: 'The group coordinator is not available', timestamp: '', logger: 'kafkajs' } })).toBe(logLevel.ERROR);
  });

  it('leaves warnings as they are', () => {
    expect(kafkajsLevelOf(response('The group coordinator is not available', logLevel.WARN))).toBe(logLevel.WARN);
  });
});
