import { createHmac } from 'node:crypto';
import { canonicalString, parseHmacAuthorization, sha256Hex, signRequest, verifySignature } from './hmac-signature';

describe('HMAC signatures', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const request = { method: 'POST', pathAndQuery: '/customers/6268/search/people?b=2&a=1', headers: { 'content-type': 'application/json', host: 'api.icims.com' }, body: '{"filters":[]}' };
  const signed = () => {
    const headers = signRequest({ ...request, bodySha256: sha256Hex(request.body) }, 'svc-user', 'secret-key', now);
    return { headers, parsed: parseHmacAuthorization(headers.authorization)! };
  };

  it('signs method, path, sorted query, signed headers and body hash', () => {
    const { headers } = signed();

    expect(headers['x-icims-date']).toBe('2026-11-22T10:00:00+0000');
    expect(headers.authorization).toMatch(/^x-icims-v1-hmac-sha256 user=svc-user,signedheaders=content-type;host;x-icims-content-sha256;x-icims-date,signature=[0-9a-f]{64}$/);
    expect(canonicalString({ ...request, headers, bodySha256: sha256Hex(request.body) }).split('\n').slice(0, 3)).toEqual(['POST', '/customers/6268/search/people', 'a=1&b=2']);
  });

  it('verifies its own signature', () => {
    const { headers, parsed } = signed();
    expect(verifySignature({ ...request, headers }, parsed, 'secret-key', now)).toBe('valid');
  });

  it.each([
    ['a tampered body', { body: '{"filters":[1]}' }, 'secret-key', 0, 'body-mismatch'],
    ['the wrong key', {}, 'other-key', 0, 'bad-signature'],
    ['a date 6 minutes old', {}, 'secret-key', 6 * 60_000, 'stale'],
    ['another path', { pathAndQuery: '/customers/1/search/people' }, 'secret-key', 0, 'bad-signature'],
  ])('rejects %s', (_case, change, key, ageMs, verdict) => {
    const { headers, parsed } = signed();
    expect(verifySignature({ ...request, headers, ...change }, parsed, key, new Date(now.getTime() + ageMs))).toBe(verdict);
  });

  it.each([
    ['the date', ['content-type', 'host', 'x-icims-content-sha256']],
    ['the body hash', ['content-type', 'host', 'x-icims-date']],
    ['the host', ['content-type', 'x-icims-content-sha256', 'x-icims-date']],
  ])('rejects a correct signature whose header list leaves out %s', (_left, signedHeaders) => {
    const headers = { ...request.headers, 'x-icims-date': '2026-11-22T10:00:00+0000', 'x-icims-content-sha256': sha256Hex(request.body) };
    const signature = createHmac('sha256', 'secret-key').update(canonicalString({ ...request, headers, bodySha256: sha256Hex(request.body) }, signedHeaders)).digest('hex');

    expect(verifySignature({ ...request, headers }, { username: 'svc-user', signedHeaders, signature }, 'secret-key', now)).toBe('unsigned-headers');
  });

  it.each([undefined, 'Basic abc', 'x-icims-v1-hmac-sha256 user=u', 'x-icims-v1-hmac-sha256 user=u,signedheaders=host,signature=zz'])('does not parse %p', (header) => {
    expect(parseHmacAuthorization(header)).toBeUndefined();
  });
});
