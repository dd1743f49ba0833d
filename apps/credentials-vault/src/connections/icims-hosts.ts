import { IcimsRegion } from '@icims-sync/contracts';

/**
 * [doc] API hosts api.icims.com / api-eu.icims.com; [code] login hosts login.icims.com,
 * login.icims.eu, login.icims.ca. [assumed] Canada's API host is api.icims.com.
 */
const HOSTS: Record<IcimsRegion, { api: string; token: string }> = {
  US: { api: 'https://api.icims.com', token: 'https://login.icims.com/oauth/token' },
  EU: { api: 'https://api-eu.icims.com', token: 'https://login.icims.eu/oauth/token' },
  CA: { api: 'https://api.icims.com', token: 'https://login.icims.ca/oauth/token' },
};

export function icimsHostsOf(region: IcimsRegion, overrides: { api?: string; token?: string } = {}): { api: string; token: string } {
  return { api: overrides.api ?? HOSTS[region].api, token: overrides.token ?? HOSTS[region].token };
}
