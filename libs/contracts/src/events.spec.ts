import { createEvent } from './events';
import { Topic } from './topics.constant';

describe(createEvent.name, () => {
  it.each([
    [Topic.CandidateHired, { customerId: '1', personId: '42', newStatus: 'S' }, 'acme:42'],
    [Topic.EmployeeUpdated, { employeeId: 'e-7', changedFields: [], values: {}, origin: 'hr' }, 'acme:e-7'],
    [Topic.ImportRequested, { runId: '6f1c1f9e-8d1a-4a43-9f52-1f7b0a9c1e11', mode: 'full', trigger: 'manual' }, 'acme'],
    [Topic.SyncProgress, { runId: '6f1c1f9e-8d1a-4a43-9f52-1f7b0a9c1e11', direction: 'import', status: 'running', counters: {} }, '6f1c1f9e-8d1a-4a43-9f52-1f7b0a9c1e11'],
  ] as const)('keys %s messages by the DESIGN partition key', (topic, payload, key) => {
    const sut = createEvent(topic, { tenantId: 'acme', source: 'test', payload: payload as never });

    expect(sut.key).toBe(key);
  });

  it('stamps a fresh UUID, the current version and a correlation id', () => {
    const sut = createEvent(Topic.CandidateHired, { tenantId: 'acme', source: 'gateway', payload: { customerId: '1', personId: '2', newStatus: 'S' } });

    expect(sut.envelope).toEqual(expect.objectContaining({ type: 'CandidateHired', version: 1, source: 'gateway', correlationId: sut.envelope.id }));
    expect(sut.envelope.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
