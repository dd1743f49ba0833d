import { HrHttp, hrRefusal, tenantPath } from './hr-http';

export const HR_ADMIN_ROLE = 'HR_ADMIN';

export interface HrUser {
  userId: string;
  displayName: string;
  roles: string[];
  active: boolean;
}

/** The HR system's users: who is active and who is an HR admin, right now. */
export class HrUsersClient {
  constructor(private readonly http: HrHttp) {}

  /** The user, or undefined when the HR system does not know them. */
  async find(tenantId: string, userId: string): Promise<HrUser | undefined> {
    const response = await this.http.request('GET', `${tenantPath(tenantId)}/users/${encodeURIComponent(userId)}`);
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw hrRefusal(response, `the lookup of user ${userId}`);
    return response.json as HrUser;
  }

  /**
   * Signs a user in through the HR sandbox's token endpoint (development only: a real HR
   * system hands its admins their JWT itself). Unknown or inactive users are refused.
   */
  async issueSandboxToken(tenantId: string, userId: string): Promise<{ accessToken: string; expiresIn: number }> {
    const response = await this.http.request('POST', `${tenantPath(tenantId)}/users/${encodeURIComponent(userId)}/tokens`);
    if (response.status !== 201 && response.status !== 200) throw hrRefusal(response, `to sign ${userId} in`);
    const { accessToken, expiresIn } = response.json as { accessToken: string; expiresIn: number };
    return { accessToken, expiresIn };
  }
}

/** Why a user may not administer (or own) the integration now; undefined when they may. */
export function adminIneligibility(user: HrUser | undefined): string | undefined {
  if (!user) return 'is not a user of the HR system';
  if (!user.active) return 'is inactive in the HR system';
  if (!user.roles.includes(HR_ADMIN_ROLE)) return 'is not an HR admin';
  return undefined;
}
