import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { sha256Hex, signRequest } from '@icims-sync/icims-client';

/** How iCIMS authenticates to the receiver, as the tenant configured it. */
export type InboundAuth =
  | { method: 'basic'; username: string; password: string }
  | { method: 'hmac'; username: string; hmacKey: string }
  | { method: 'oauth'; tokenUrl: string; clientId: string; clientSecret: string };

export interface HireEvent {
  customerId: string;
  personId: string;
  jobId: string;
  newStatus: string;
  oldStatus: string;
  systemId: string;
  userId: string;
}

/** The documented WorkFlowStatusChangeEvent body (ICIMS_API_NOTES "Integration Events"). */
export function workflowStatusChangeEvent(event: HireEvent, apiBase: string): Record<string, unknown> {
  return {
    eventType: 'WorkFlowStatusChangeEvent',
    customerId: event.customerId,
    systemId: event.systemId,
    personId: event.personId,
    jobId: event.jobId,
    userId: event.userId,
    newStatus: event.newStatus,
    oldStatus: event.oldStatus,
    links: [{ rel: 'person', title: 'Person Profile', url: `${apiBase}/customers/${event.customerId}/people/${event.personId}` }],
  };
}

/** POSTs one event to the receiver with the tenant's inbound auth, gzip if asked. */
export async function emitEvent(targetUrl: string, body: Record<string, unknown>, auth: InboundAuth, gzip: boolean): Promise<{ status: number; body: string }> {
  const json = JSON.stringify(body);
  const payload = gzip ? gzipSync(json) : Buffer.from(json);
  const url = new URL(targetUrl);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) };
  const authHeaders = await authorise(auth, url, headers, payload);
  const response = await request(url, { method: 'POST', headers: { ...headers, ...authHeaders }, body: payload, headersTimeout: 30_000 });
  return { status: response.statusCode, body: await response.body.text() };
}

async function authorise(auth: InboundAuth, url: URL, headers: Record<string, string>, payload: Buffer): Promise<Record<string, string>> {
  switch (auth.method) {
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
    case 'hmac':
      return signRequest({ method: 'POST', pathAndQuery: `${url.pathname}${url.search}`, headers: { ...headers, host: url.host }, bodySha256: sha256Hex(payload) }, auth.username, auth.hmacKey);
    case 'oauth': {
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret });
      const response = await request(auth.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      const token = (await response.body.json().catch(() => ({}))) as { access_token?: string };
      if (response.statusCode !== 200 || !token.access_token) throw new Error(`the receiver's token endpoint answered ${response.statusCode}`);
      return { authorization: `Bearer ${token.access_token}` };
    }
  }
}
