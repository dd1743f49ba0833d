import { mock } from 'jest-mock-extended';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { Topic, createEvent } from '@icims-sync/contracts';
import { AppException, InvalidInputException } from '../errors/app.exception';
import { MetricsService } from '../metrics/metrics.service';
import { BatchConsumerOptions, DeadLetterSink, EnvelopeHandler, KafkaBatchConsumer, ProcessedEventStore } from './batch-consumer';
import { DLQ_HEADER } from './dead-letter';

const TOPIC = Topic.CandidateHired;

function message(offset: number, value: string | null, key = 'acme:1'): KafkaMessage {
  return { offset: String(offset), key: Buffer.from(key), value: value === null ? null : Buffer.from(value), headers: { traceparent: Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01') }, timestamp: '0', attributes: 0 } as KafkaMessage;
}

function hire(personId = '1') {
  return JSON.stringify(createEvent(TOPIC, { tenantId: 'acme', source: 'test', payload: { customerId: '1', personId, newStatus: 'S' } }).envelope);
}

/** Waits, turn by turn, for a condition; fails the test after a thousand turns. */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition never held');
}

function batchOf(messages: KafkaMessage[], overrides: Partial<EachBatchPayload> = {}): EachBatchPayload {
  return {
    batch: { topic: TOPIC, partition: 2, messages } as EachBatchPayload['batch'],
    resolveOffset: jest.fn(),
    heartbeat: jest.fn().mockResolvedValue(undefined),
    isRunning: () => true,
    isStale: () => false,
    commitOffsetsIfNecessary: jest.fn(),
    uncommittedOffsets: jest.fn(),
    pause: jest.fn(),
    ...overrides,
  } as EachBatchPayload;
}

describe(KafkaBatchConsumer.name, () => {
  let consumer: ReturnType<typeof mock<Consumer>>;
  let processed: ReturnType<typeof mock<ProcessedEventStore>>;
  let deadLetters: ReturnType<typeof mock<DeadLetterSink>>;
  let handler: jest.MockedFunction<EnvelopeHandler>;

  function createSut(overrides: Partial<BatchConsumerOptions> = {}) {
    const kafka = mock<Kafka>();
    kafka.consumer.mockReturnValue(consumer);
    return new KafkaBatchConsumer(kafka, {
      groupId: 'group-1',
      topic: TOPIC,
      handler,
      partitionsConcurrently: 1,
      retry: { retries: 2, initialDelayMs: 1, maxDelayMs: 2 },
      sessionTimeoutMs: 10_000,
      processed,
      deadLetters,
      metrics: new MetricsService(),
      ...overrides,
    });
  }

  beforeEach(() => {
    consumer = mock<Consumer>();
    processed = mock<ProcessedEventStore>();
    processed.processedAmong.mockResolvedValue(new Set());
    deadLetters = mock<DeadLetterSink>();
    handler = jest.fn().mockResolvedValue(undefined);
  });

  const marked = () => processed.markAllProcessed.mock.calls.flatMap(([, ids]) => ids);

  it('handles each message, marks it processed and commits the offset after the last one', async () => {
    const sut = createSut();
    const payload = batchOf([message(10, hire('1')), message(11, hire('2'))]);

    await sut.processBatch(payload);

    expect(handler.mock.calls.map(([envelope]) => (envelope.payload as { personId: string }).personId)).toEqual(['1', '2']);
    expect(handler.mock.calls[0][1]).toMatchObject({ topic: TOPIC, partition: 2, offset: '10', traceparent: expect.stringMatching(/^00-0af7/) });
    expect(marked()).toEqual(handler.mock.calls.map(([envelope]) => envelope.id));
    // One question and one mark for the batch, the mark before the offset that covers it.
    expect(processed.processedAmong).toHaveBeenCalledTimes(1);
    expect(processed.markAllProcessed).toHaveBeenCalledTimes(1);
    expect(processed.markAllProcessed.mock.invocationCallOrder[0]).toBeLessThan((consumer.commitOffsets as jest.Mock).mock.invocationCallOrder.at(-1)!);
    expect(payload.resolveOffset).toHaveBeenLastCalledWith('11');
    expect(consumer.commitOffsets).toHaveBeenLastCalledWith([{ topic: TOPIC, partition: 2, offset: '12' }]);
  });

  it('skips envelopes already processed by this group', async () => {
    processed.processedAmong.mockImplementation(async (_scope, ids) => new Set(ids));
    const sut = createSut();

    await sut.processBatch(batchOf([message(5, hire())]));

    expect(handler).not.toHaveBeenCalled();
    expect(processed.processedAmong).toHaveBeenCalledWith('group-1', [expect.any(String)]);
    expect(consumer.commitOffsets).toHaveBeenCalledWith([{ topic: TOPIC, partition: 2, offset: '6' }]);
  });

  it('handles an envelope published twice into one batch once', async () => {
    const sut = createSut();
    const twice = hire('7');

    await sut.processBatch(batchOf([message(5, twice, 'acme:7'), message(6, twice, 'acme:7')]));

    expect(handler).toHaveBeenCalledTimes(1);
    expect(consumer.commitOffsets).toHaveBeenLastCalledWith([{ topic: TOPIC, partition: 2, offset: '7' }]);
  });

  describe('keys within a partition', () => {
    function gatedHandler() {
      const started: string[] = [];
      const finished: string[] = [];
      const gates = new Map<string, () => void>();
      handler.mockImplementation(async (envelope) => {
        const personId = (envelope.payload as { personId: string }).personId;
        started.push(personId);
        await new Promise<void>((resolve) => gates.set(personId, resolve));
        finished.push(personId);
      });
      const release = async (personId: string) => {
        await until(() => gates.has(personId));
        gates.get(personId)!();
      };
      return { started, finished, release };
    }

    it('handles different keys at once and one key in order, committing only an unbroken run of finished offsets', async () => {
      const { started, finished, release } = gatedHandler();
      const sut = createSut({ keysConcurrently: 4 });
      const payload = batchOf([message(10, hire('101'), 'acme:a'), message(11, hire('201'), 'acme:b'), message(12, hire('102'), 'acme:a')]);

      const processing = sut.processBatch(payload);
      await release('201');
      await until(() => finished.includes('201'));
      await new Promise(setImmediate);
      // 201 (offset 11) is done, but 101 (offset 10) is not: nothing may be committed yet.
      expect(started).toEqual(['101', '201']);
      expect(payload.resolveOffset).not.toHaveBeenCalled();
      await release('101');
      await release('102');
      await processing;

      expect(started).toEqual(['101', '201', '102']);
      expect((payload.resolveOffset as jest.Mock).mock.calls.map(([offset]) => offset)).toEqual(['10', '11', '12']);
      expect(consumer.commitOffsets).toHaveBeenLastCalledWith([{ topic: TOPIC, partition: 2, offset: '13' }]);
    });

    it('lets a message in flight on another key finish before failing the batch, and commits only what precedes the failure', async () => {
      const { started, release } = gatedHandler();
      deadLetters.sendRaw.mockRejectedValue(new Error('broker down'));
      const sut = createSut({ keysConcurrently: 4 });
      const payload = batchOf([message(10, hire('101'), 'acme:a'), message(11, 'not json', 'acme:b'), message(12, hire('301'), 'acme:c')]);

      const outcome = sut.processBatch(payload).then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      await until(() => started.length === 2);
      await release('101');
      await release('301');

      expect(await outcome).toBe('broker down');
      expect(marked()).toHaveLength(2);
      expect((payload.resolveOffset as jest.Mock).mock.calls.map(([offset]) => offset)).toEqual(['10']);
      expect(consumer.commitOffsets).toHaveBeenLastCalledWith([{ topic: TOPIC, partition: 2, offset: '11' }]);
    });

    it('handles one message at a time when keysConcurrently is 1', async () => {
      const { started, release } = gatedHandler();
      const sut = createSut({ keysConcurrently: 1 });

      const processing = sut.processBatch(batchOf([message(1, hire('101'), 'acme:a'), message(2, hire('201'), 'acme:b')]));
      await until(() => started.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(started).toEqual(['101']);
      await release('101');
      await release('201');
      await processing;
      expect(started).toEqual(['101', '201']);
    });
  });

  it('sends an undecodable message to the DLQ byte for byte, with its error and origin, and moves on', async () => {
    const sut = createSut();
    const payload = batchOf([message(3, '{oops'), message(4, hire())]);

    await sut.processBatch(payload);

    const [[[{ topic, messages }]]] = deadLetters.sendRaw.mock.calls;
    expect(topic).toBe('candidate.hired.dlq');
    expect(messages[0].value?.toString()).toBe('{oops');
    expect(messages[0].headers).toMatchObject({
      [DLQ_HEADER.reason]: 'DECODE_ERROR',
      [DLQ_HEADER.code]: 'INVALID_JSON',
      [DLQ_HEADER.originTopic]: TOPIC,
      [DLQ_HEADER.originPartition]: '2',
      [DLQ_HEADER.originOffset]: '3',
      [DLQ_HEADER.consumerGroup]: 'group-1',
      traceparent: expect.anything(),
    });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(consumer.commitOffsets).toHaveBeenLastCalledWith([{ topic: TOPIC, partition: 2, offset: '5' }]);
  });

  it('retries a transient failure and succeeds', async () => {
    handler.mockRejectedValueOnce(new Error('socket hang up')).mockResolvedValueOnce(undefined);
    const sut = createSut();

    await sut.processBatch(batchOf([message(1, hire())]));

    expect(handler).toHaveBeenCalledTimes(2);
    expect(deadLetters.sendRaw).not.toHaveBeenCalled();
    expect(marked()).toHaveLength(1);
  });

  it('dead-letters after the retries run out, counting every attempt', async () => {
    handler.mockRejectedValue(new AppException('HR_DOWN', 'HR API is down', 'unavailable'));
    const sut = createSut();

    await sut.processBatch(batchOf([message(1, hire())]));

    expect(handler).toHaveBeenCalledTimes(3);
    expect(deadLetters.sendRaw.mock.calls[0][0][0].messages[0].headers).toMatchObject({
      [DLQ_HEADER.reason]: 'RETRIES_EXHAUSTED',
      [DLQ_HEADER.code]: 'HR_DOWN',
      [DLQ_HEADER.attempts]: '3',
    });
  });

  it('does not retry an error that retrying cannot fix', async () => {
    handler.mockRejectedValue(new InvalidInputException('BAD_EMAIL', 'email is not valid'));
    const sut = createSut();

    await sut.processBatch(batchOf([message(1, hire())]));

    expect(handler).toHaveBeenCalledTimes(1);
    expect(deadLetters.sendRaw.mock.calls[0][0][0].messages[0].headers).toMatchObject({ [DLQ_HEADER.reason]: 'HANDLER_FAILED', [DLQ_HEADER.code]: 'BAD_EMAIL' });
  });

  it('keeps the offset uncommitted when the DLQ cannot be written, so nothing is lost', async () => {
    deadLetters.sendRaw.mockRejectedValue(new Error('broker down'));
    const sut = createSut();
    const payload = batchOf([message(1, 'not json')]);

    await expect(sut.processBatch(payload)).rejects.toThrow('broker down');

    expect(payload.resolveOffset).not.toHaveBeenCalled();
    expect(consumer.commitOffsets).not.toHaveBeenCalled();
  });

  it('stops at the message in hand when draining and commits only what is done', async () => {
    const sut = createSut();
    consumer.disconnect.mockResolvedValue(undefined);
    handler.mockImplementationOnce(async () => {
      await sut.stop();
    });
    const payload = batchOf([message(1, hire('1')), message(2, hire('2'))]);

    await sut.processBatch(payload);

    expect(handler).toHaveBeenCalledTimes(1);
    expect(consumer.commitOffsets).toHaveBeenLastCalledWith([{ topic: TOPIC, partition: 2, offset: '2' }]);
  });

  it('keeps heartbeating while it waits between retries, so a long outage does not cost the group membership', async () => {
    jest.useFakeTimers();
    // The backoff's jitter at its top: four waits of the 4 s cap, 16 s in all.
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.99);
    try {
      // Each attempt fails at once; the waits between them are what take the time.
      handler.mockRejectedValue(new AppException('DEPENDENCY_UNAVAILABLE', 'down', 'unavailable'));
      const sut = createSut({ retry: { retries: 4, initialDelayMs: 4_000, maxDelayMs: 4_000 } });
      const payload = batchOf([message(10, hire('1'))]);
      const done = sut.processBatch(payload);
      await jest.advanceTimersByTimeAsync(20_000);
      await done;
      expect(handler).toHaveBeenCalledTimes(5);
      // Four waits of 4 s: a beat every 3 s through them, not one only after the message.
      expect((payload.heartbeat as jest.Mock).mock.calls.length).toBeGreaterThanOrEqual(5);
    } finally {
      random.mockRestore();
      jest.useRealTimers();
    }
  });

  it('hands a key\'s messages of a batch to the handler once when coalescing, and dead-letters each of them if it fails', async () => {
    const sut = createSut({ coalesceKeys: true });
    const payload = batchOf([message(10, hire('1')), message(11, hire('2')), message(12, hire('3'), 'acme:9'), message(13, hire('4'))]);
    await sut.processBatch(payload);
    expect(handler).toHaveBeenCalledTimes(2);
    const newest = handler.mock.calls.find(([envelope]) => (envelope.payload as { personId: string }).personId === '4')!;
    expect(newest[1].coalesced.map((envelope) => (envelope.payload as { personId: string }).personId)).toEqual(['1', '2']);
    expect(marked()).toHaveLength(4);

    handler.mockRejectedValue(new InvalidInputException('BAD', 'bad'));
    await sut.processBatch(batchOf([message(20, hire('5')), message(21, hire('6'))]));
    expect(deadLetters.sendRaw).toHaveBeenCalledTimes(2);
  });
});

