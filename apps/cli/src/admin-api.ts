import { CliError } from './cli-error';

/** Where the admin API is and who calls it. */
export interface AdminTarget {
  gatewayUrl: string;
  token: string;
}

/** The gateway's admin API, answering JSON or one clear error line. */
export class AdminApi {
  constructor(private readonly target: AdminTarget) {}

  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.target.gatewayUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.target.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new CliError(`cannot reach the gateway at ${this.target.gatewayUrl}: start the system (npm start) or pass --gateway`);
    }
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (response.ok) return json as T;
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new CliError(`${error?.code ?? `HTTP ${response.status}`}: ${error?.message ?? 'the gateway refused the request'}`);
  }
}
