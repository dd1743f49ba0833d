import fc from 'fast-check';
import { decode } from './decode';
import { createEvent } from './events';
import { ALL_TOPICS, Topic } from './topics.constant';

const hired = () =>
  createEvent(Topic.CandidateHired, { tenantId: 'acme', source: 'gateway', payload: { customerId: '6268', personId: '1930', newStatus: 'C38353' } });

const withChanges = (changes: Record<string, unknown>, payloadChanges: Record<string, unknown> = {}) => {
  const { envelope } = hired();
  return JSON.stringify({ ...envelope, ...changes, payload: { ...envelope.payload, ...payloadChanges } });
};

describe(decode.name, () => {
  it('accepts a current envelope and returns its typed payload', () => {
    const { envelope } = hired();

    const sut = decode(Topic.CandidateHired, Buffer.from(JSON.stringify(envelope)));

    expect(sut).toEqual({ ok: true, envelope: expect.objectContaining({ id: envelope.id, tenantId: 'acme', payload: expect.objectContaining({ personId: '1930' }) }) });
  });

  it.each([
    ['null value', null, 'EMPTY_MESSAGE', /no value/],
    ['empty value', '', 'EMPTY_MESSAGE', /no value/],
    ['bad JSON', '{"id":', 'INVALID_JSON', /not JSON/],
    ['a JSON array', '[1,2]', 'INVALID_ENVELOPE', /JSON object/],
    ['a JSON string', '"hello"', 'INVALID_ENVELOPE', /JSON object/],
    ['the wrong schema', '{"hello":"world"}', 'INVALID_ENVELOPE', /^id: .*; type: /],
    ['a non-UUID id', withChanges({ id: 'abc' }), 'INVALID_ENVELOPE', /^id: id must be a UUID$/],
    ['an upper-case tenant', withChanges({ tenantId: 'ACME' }), 'INVALID_ENVELOPE', /tenantId must be lowercase/],
    ['a date that is not ISO-8601', withChanges({ occurredAt: 'yesterday' }), 'INVALID_ENVELOPE', /occurredAt/],
    ['another topic\'s type', withChanges({ type: 'EmployeeUpdated' }), 'WRONG_TYPE', /does not belong on candidate.hired/],
    ['an unknown version', withChanges({ version: 7 }), 'UNKNOWN_VERSION', /version 7 of CandidateHired is unknown \(known: 1\)/],
    ['a non-numeric person id', withChanges({}, { personId: '19x0' }), 'INVALID_PAYLOAD', /^payload.personId: personId must be an iCIMS id/],
    ['a missing status', withChanges({}, { newStatus: undefined }), 'INVALID_PAYLOAD', /payload.newStatus/],
  ])('rejects %s with %s', (_case, raw, code, message) => {
    const sut = decode(Topic.CandidateHired, raw);

    expect(sut.ok).toBe(false);
    if (sut.ok) return;
    expect(sut.error.code).toBe(code);
    expect(sut.error.message).toMatch(message);
  });

  it('rejects a topic it has no contract for', () => {
    const sut = decode('no.such.topic' as typeof Topic.CandidateHired, '{}');

    expect(sut).toEqual({ ok: false, error: expect.objectContaining({ code: 'UNKNOWN_TOPIC' }) });
  });

  it('drops payload fields the contract does not know', () => {
    const sut = decode(Topic.CandidateHired, withChanges({}, { ssn: '123-45-6789' }));

    expect(sut.ok && sut.envelope.payload).not.toHaveProperty('ssn');
  });

  it('never throws, whatever the bytes or JSON', () => {
    const topics = fc.constantFrom(...ALL_TOPICS);
    fc.assert(fc.property(topics, fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), (topic, raw) => {
      const sut = decode(topic, raw);
      expect(typeof sut.ok).toBe('boolean');
    }));
  });

  it('decodes every envelope it builds (round trip)', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), fc.stringMatching(/^\d{1,9}$/), (tenantId, personId) => {
      const event = createEvent(Topic.CandidateHired, { tenantId, source: 'test', payload: { customerId: '1', personId, newStatus: 'S' } });
      const sut = decode(Topic.CandidateHired, JSON.stringify(event.envelope));
      expect(sut.ok && sut.envelope.payload.personId).toBe(personId);
    }));
  });
});
