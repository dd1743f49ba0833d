// kafkajs 2.2.4 (its last release) rescheduled its pending-request check every millisecond for
// the life of each broker connection once a response arrived (tulios/kafkajs#1556, #1704).
// patches/kafkajs+2.2.4.patch, applied by `postinstall`, fixes that: the first test fails
// without it; the second holds what the patch must keep (requests held back by throttling).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => TestedQueue;

interface TestedQueue {
  pending: unknown[];
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  push(request: object): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer | null; size: number }): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function queue(): TestedQueue {
  return new RequestQueue({
    instrumentationEmitter: null,
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: silent,
    isConnected: () => true,
  });
}

function request(correlationId: number, sent: number[]): object {
  const entry = { correlationId, apiKey: 1, apiName: 'Fetch', apiVersion: 11, resolve: () => undefined, reject: () => undefined };
  return { entry, expectResponse: true, sendRequest: () => sent.push(correlationId) };
}

describe('kafkajs RequestQueue (patched)', () => {
  let sut: TestedQueue;

  beforeEach(() => {
    jest.useFakeTimers();
    sut = queue();
  });

  afterEach(() => {
    sut.destroy();
    jest.useRealTimers();
  });

  it('schedules nothing once a response arrives and nothing waits', () => {
    const sent: number[] = [];
    sut.push(request(1, sent));

    sut.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });

    expect(sent).toEqual([1]);
    expect(sut.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request held back by broker throttling once the throttle ends', () => {
    const sent: number[] = [];
    sut.maybeThrottle(50);

    sut.push(request(2, sent));
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(60);

    expect(sent).toEqual([2]);
    expect(sut.pending).toHaveLength(0);
  });
});
