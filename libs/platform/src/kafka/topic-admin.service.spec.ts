import { mock } from '@icims-sync/testing';
import { Admin, ITopicMetadata, Kafka, KafkaJSAggregateError, KafkaJSProtocolError } from 'kafkajs';
import { TopicAdmin } from './topic-admin.service';

const LAYOUT = { partitions: 2, replicationFactor: 1 };
const withLeaders = (names: string[], leader = 1): { topics: ITopicMetadata[] } => ({
  topics: names.map((name) => ({ name, partitions: [0, 1].map((partitionId) => ({ partitionId, leader, replicas: [1], isr: [1], partitionErrorCode: 0, offlineReplicas: [] })) })),
});
/** kafkajs's own error for a broker answer with this code (3 = UNKNOWN_TOPIC_OR_PARTITION, 36 = TOPIC_ALREADY_EXISTS). */
const brokerError = (code: number) => new KafkaJSProtocolError({ message: '', type: '', code, retriable: code !== 36 } as never);

describe(TopicAdmin.name, () => {
  let admin: ReturnType<typeof mock<Admin>>;
  let sut: TopicAdmin;

  beforeEach(() => {
    admin = mock<Admin>();
    const kafka = mock<Kafka>();
    kafka.admin.mockReturnValue(admin);
    sut = new TopicAdmin(kafka, LAYOUT);
  });

  it('creates the missing topics and their DLQs, and nothing that exists', async () => {
    admin.listTopics.mockResolvedValue(['a', 'a.dlq']);
    admin.createTopics.mockResolvedValue(true);
    admin.fetchTopicMetadata.mockResolvedValue(withLeaders(['a', 'a.dlq', 'b', 'b.dlq']));

    await sut.ensureTopics(['a', 'b']);

    expect(admin.createTopics).toHaveBeenCalledWith({ waitForLeaders: false, topics: [{ topic: 'b', numPartitions: 2, replicationFactor: 1 }, { topic: 'b.dlq', numPartitions: 2, replicationFactor: 1 }] });
    expect(admin.disconnect).toHaveBeenCalled();
  });

  it('tries again when the metadata of a topic another service just created has not caught up', async () => {
    admin.listTopics.mockRejectedValueOnce(brokerError(3)).mockResolvedValue(['a', 'a.dlq']);
    admin.fetchTopicMetadata.mockResolvedValue(withLeaders(['a', 'a.dlq']));

    await expect(sut.ensureTopics(['a'])).resolves.toBeUndefined();
    expect(admin.listTopics).toHaveBeenCalledTimes(2);
  });

  it('tries again when another service created some of the same topics first', async () => {
    admin.listTopics.mockResolvedValueOnce([]).mockResolvedValue(['a']);
    admin.createTopics.mockRejectedValueOnce(new KafkaJSAggregateError('some exist', [brokerError(36), brokerError(3)] as never)).mockResolvedValue(true);
    admin.fetchTopicMetadata.mockResolvedValue(withLeaders(['a', 'a.dlq']));

    await sut.ensureTopics(['a']);

    expect(admin.createTopics).toHaveBeenLastCalledWith({ waitForLeaders: false, topics: [{ topic: 'a.dlq', numPartitions: 2, replicationFactor: 1 }] });
  });

  it('waits until every partition has a leader', async () => {
    admin.listTopics.mockResolvedValue(['a', 'a.dlq']);
    admin.fetchTopicMetadata.mockResolvedValueOnce(withLeaders(['a', 'a.dlq'], -1)).mockResolvedValue(withLeaders(['a', 'a.dlq']));

    await sut.ensureTopics(['a']);

    expect(admin.fetchTopicMetadata).toHaveBeenCalledTimes(2);
  });

  it('gives up on an error that is not a race, and still disconnects', async () => {
    admin.listTopics.mockResolvedValue([]);
    admin.createTopics.mockRejectedValue(new KafkaJSProtocolError({ message: 'Not authorized', type: 'TOPIC_AUTHORIZATION_FAILED', code: 29, retriable: false } as never));

    await expect(sut.ensureTopics(['a'])).rejects.toThrow('Not authorized');
    expect(admin.createTopics).toHaveBeenCalledTimes(1);
    expect(admin.disconnect).toHaveBeenCalled();
  });
});
