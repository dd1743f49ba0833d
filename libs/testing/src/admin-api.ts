import { randomBytes } from 'node:crypto';
import { request } from 'undici';

const ISSUER = 'hr-sandbox';
const AUDIENCE = 'icims-sync';

/** One HS256 key shared by an HR sandbox (which signs admin JWTs) and a gateway (which checks them). */
export function adminJwtKey(): string {
  return randomBytes(32).toString('hex');
}

export function hrSandboxJwtEnv(key: string): Record<string, string> {
  return { JWT_SIGNING_KEY: key, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE };
}

export function gatewayAdminEnv(hrApiUrl: string, key: string): Record<string, string> {
  return { HR_API_URL: hrApiUrl, ADMIN_JWT_ISSUER: ISSUER, ADMIN_JWT_AUDIENCE: AUDIENCE, ADMIN_JWT_SECRET: key };
}

export interface JsonResponse {
  status: number;
  // Tests read whatever came back.
  body: any;
}

/** A JSON HTTP call as tests make them: status and parsed body, whatever the status. */
export async function callJson(method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await request(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.statusCode, body: parsed };
}

/** Creates (or updates) a user in the HR sandbox and signs them in while they are active. */
export async function signInHrUser(hrUrl: string, tenantId: string, userId: string, user: { displayName: string; roles: string[]; active?: boolean }): Promise<string> {
  await callJson('PUT', `${hrUrl}/tenants/${tenantId}/users/${userId}`, { displayName: user.displayName, roles: user.roles, active: true });
  const issued = await callJson('POST', `${hrUrl}/tenants/${tenantId}/users/${userId}/tokens`);
  if (issued.status !== 201 && issued.status !== 200) throw new Error(`the HR sandbox did not sign ${userId} in: ${JSON.stringify(issued.body)}`);
  if (user.active === false) await callJson('PUT', `${hrUrl}/tenants/${tenantId}/users/${userId}`, { displayName: user.displayName, roles: user.roles, active: false });
  return issued.body.accessToken as string;
}

export interface ConnectedTenant {
  adminToken: string;
  inbound: { method: string; username?: string; password?: string; hmacKey?: string; clientId?: string; clientSecret?: string };
}

/**
 * What an HR admin does on the settings page, through the gateway: consent, OAuth2
 * credentials, Connect, inbound auth and hired statuses. The tenant must be enabled.
 */
export async function connectTenantAsAdmin(options: {
  gatewayUrl: string;
  hrUrl: string;
  tenantId: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
  hiredStatusIds: string[];
  inboundMethod?: 'basic' | 'hmac';
}): Promise<ConnectedTenant> {
  const adminToken = await signInHrUser(options.hrUrl, options.tenantId, 'admin', { displayName: 'Ada Admin', roles: ['HR_ADMIN'] });
  const settings = `${options.gatewayUrl}/admin/tenants/${options.tenantId}/icims`;
  const auth = { authorization: `Bearer ${adminToken}` };
  const steps: [string, () => Promise<JsonResponse>][] = [
    ['consent', () => callJson('PUT', `${settings}/consent`, { accepted: true }, auth)],
    ['credentials', () => callJson('PUT', `${settings}/credentials`, { method: 'oauth2', customerId: options.customerId, clientId: options.clientId, clientSecret: options.clientSecret }, auth)],
    ['connect', () => callJson('POST', `${settings}/connect`, undefined, auth)],
    ['hired statuses', () => callJson('PUT', `${settings}/hired-statuses`, { statusIds: options.hiredStatusIds }, auth)],
  ];
  for (const [step, run] of steps) {
    const response = await run();
    if (response.status >= 300 || (step === 'connect' && response.body.status !== 'connected')) throw new Error(`${step} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const method = options.inboundMethod ?? 'basic';
  const generated = await callJson('POST', `${settings}/inbound-auth`, { method }, auth);
  if (generated.status !== 201) throw new Error(`inbound auth failed: ${JSON.stringify(generated.body)}`);
  const { identity, secret } = generated.body as { identity: string; secret: string };
  return { adminToken, inbound: method === 'basic' ? { method, username: identity, password: secret } : { method, username: identity, hmacKey: secret } };
}
