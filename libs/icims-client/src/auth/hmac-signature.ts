import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * iCIMS's `x-icims-v1-hmac-sha256` scheme. The header and the date/content-hash headers
 * are documented; the string to sign is [assumed] SigV4-style and lives only here, so
 * the client and the sandbox can never drift apart.
 */
export const HMAC_SCHEME = 'x-icims-v1-hmac-sha256';
export const SIGNED_HEADERS = ['content-type', 'host', 'x-icims-content-sha256', 'x-icims-date'] as const;
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * What a signature must cover, whatever list the signer names: the date (or it could be
 * replayed with a fresh one for ever), the body hash (or any body would do) and the host.
 */
export const REQUIRED_SIGNED_HEADERS = ['host', 'x-icims-content-sha256', 'x-icims-date'] as const;

export interface SignableRequest {
  method: string;
  /** Path and query, e.g. `/customers/6268/people/1930?fields=firstname`. */
  pathAndQuery: string;
  /** Lower-case header names to values; must include every signed header. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body: the signer never needs the body itself. */
  bodySha256: string;
}

/** A request as received, body included, for verification. */
export type ReceivedRequest = Omit<SignableRequest, 'bodySha256'> & { body: Buffer | string };

export function sha256Hex(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The string to sign: method, path, query, canonical signed headers, body hash. */
export function canonicalString(request: SignableRequest, signedHeaders: readonly string[] = SIGNED_HEADERS): string {
  const [path, query = ''] = request.pathAndQuery.split('?', 2);
  const canonicalQuery = query.split('&').filter(Boolean).sort().join('&');
  const headers = signedHeaders.map((name) => `${name}:${(request.headers[name] ?? '').trim()}`).join('\n');
  return [request.method.toUpperCase(), path, canonicalQuery, headers, signedHeaders.join(';'), request.bodySha256].join('\n');
}

/** `x-icims-date` format: 2017-10-18T14:53:40+0000. */
export function icimsDate(now: Date): string {
  return `${now.toISOString().slice(0, 19)}+0000`;
}

/** The headers that make `request` signed with `hmacKey` as `username`. */
export function signRequest(request: SignableRequest, username: string, hmacKey: string, now = new Date()): Record<string, string> {
  const headers = { ...request.headers, 'x-icims-date': icimsDate(now), 'x-icims-content-sha256': request.bodySha256 };
  const signature = createHmac('sha256', hmacKey).update(canonicalString({ ...request, headers })).digest('hex');
  return {
    ...headers,
    authorization: `${HMAC_SCHEME} user=${username},signedheaders=${SIGNED_HEADERS.join(';')},signature=${signature}`,
  };
}

export interface ParsedHmacAuthorization {
  username: string;
  signedHeaders: string[];
  signature: string;
}

export function parseHmacAuthorization(header: string | undefined): ParsedHmacAuthorization | undefined {
  if (!header?.startsWith(`${HMAC_SCHEME} `)) return undefined;
  const fields = Object.fromEntries(
    header.slice(HMAC_SCHEME.length + 1).split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  if (!fields.user || !fields.signedheaders || !/^[0-9a-f]{64}$/.test(fields.signature ?? '')) return undefined;
  return { username: fields.user, signedHeaders: fields.signedheaders.split(';'), signature: fields.signature };
}

export type HmacVerdict = 'valid' | 'malformed' | 'unsigned-headers' | 'stale' | 'body-mismatch' | 'bad-signature';

/** Checks a signed request: the required headers signed, fresh date (±5 min), body hash, then the signature in constant time. */
export function verifySignature(request: ReceivedRequest, parsed: ParsedHmacAuthorization, hmacKey: string, now = new Date()): HmacVerdict {
  if (REQUIRED_SIGNED_HEADERS.some((name) => !parsed.signedHeaders.includes(name))) return 'unsigned-headers';
  const date = request.headers['x-icims-date'];
  const at = date ? Date.parse(date.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
  if (Number.isNaN(at)) return 'malformed';
  if (Math.abs(now.getTime() - at) > MAX_CLOCK_SKEW_MS) return 'stale';
  const bodySha256 = sha256Hex(request.body);
  if (request.headers['x-icims-content-sha256'] !== bodySha256) return 'body-mismatch';
  const expected = createHmac('sha256', hmacKey).update(canonicalString({ ...request, bodySha256 }, parsed.signedHeaders)).digest();
  const given = Buffer.from(parsed.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'bad-signature';
}
