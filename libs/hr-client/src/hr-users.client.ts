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
}

/** Why a user may not administer (or own) the integration now; undefined when they may. */
export function adminIneligibility(user: HrUser | undefined): string | undefined {
  if (!user) return 'is not a user of the HR system';
  if (!user.active) return 'is inactive in the HR system';
  if (!user.roles.includes(HR_ADMIN_ROLE)) return 'is not an HR admin';
  return undefined;
}
