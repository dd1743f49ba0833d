import { Logger } from '@nestjs/common';
import { dlqTopicOf } from '@icims-sync/contracts';
import { TopicAdmin } from '@icims-sync/platform';
import { testKafka, uniqueName } from '@icims-sync/testing';

describe('TopicAdmin (real broker)', () => {
  // Fourteen 'created missing topics' lines would say nothing the assertions do not.
  beforeAll(() => Logger.overrideLogger(false));

  it('lets several services create the same new topics at once, as on a fresh cluster', async () => {
    const topics = Array.from({ length: 8 }, (_, index) => uniqueName(`race-${index}`));
    // One client each, as services starting together have.
    const services = Array.from({ length: 14 }, () => new TopicAdmin(testKafka(), { partitions: 6, replicationFactor: 1 }));

    const outcomes = await Promise.allSettled(services.map((admin) => admin.ensureTopics(topics)));

    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics: topics.flatMap((topic) => [topic, dlqTopicOf(topic)]) });
      expect(described.map(({ partitions }) => partitions.filter(({ leader }) => leader >= 0).length)).toEqual(Array(16).fill(6));
    } finally {
      await admin.disconnect();
    }
  });
});
