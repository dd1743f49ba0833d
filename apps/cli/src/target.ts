import { CliError } from './cli-error';
import { AdminTarget } from './admin-api';

export interface TargetOptions {
  gateway?: string;
  token?: string;
  as?: string;
}

/**
 * The gateway and a bearer token: from the flags, else `ICIMS_SYNC_URL` and
 * `ICIMS_SYNC_TOKEN`, else (development) a sign-in of `--as` against the HR sandbox that a
 * running `npm start` names in `HR_SANDBOX_URL`.
 */
export async function resolveTarget(tenantId: string, options: TargetOptions, env: NodeJS.ProcessEnv = process.env): Promise<AdminTarget> {
  const gatewayUrl = (options.gateway ?? env.ICIMS_SYNC_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const token = options.token ?? env.ICIMS_SYNC_TOKEN;
  if (token) return { gatewayUrl, token };
  const hrUrl = env.HR_SANDBOX_URL;
  if (!hrUrl) throw new CliError('no admin token: pass --token or set ICIMS_SYNC_TOKEN (an HR admin JWT), or run it beside npm start to sign in to the HR sandbox');
  const userId = options.as ?? 'ada';
  let response: Response;
  try {
    response = await fetch(`${hrUrl}/tenants/${encodeURIComponent(tenantId)}/users/${encodeURIComponent(userId)}/tokens`, { method: 'POST' });
  } catch {
    throw new CliError(`cannot reach the HR sandbox at ${hrUrl} to sign in: is npm start running?`);
  }
  if (!response.ok) throw new CliError(`the HR sandbox would not sign in ${userId} of tenant ${tenantId} (HTTP ${response.status}): pass --as <an HR admin of the tenant> or --token`);
  return { gatewayUrl, token: ((await response.json()) as { accessToken: string }).accessToken };
}
