/** Dates as the admin reads them: their own locale and time zone. */
export function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

export function duration(startedAt: string, finishedAt: string | undefined): string {
  if (!finishedAt) return 'running';
  const seconds = Math.max(0, Math.round((Date.parse(finishedAt) - Date.parse(startedAt)) / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** What to do after Connect failed, by the reason the API gave. */
export const CONNECT_ADVICE: Record<string, string> = {
  BAD_CREDENTIALS: 'Check the Client ID and Client Secret (or the Username and HMAC key) your iCIMS admin gave you, save them again and press Connect.',
  FORBIDDEN: 'The credentials work but may not read people. Ask your iCIMS admin to give the API user access to Person profiles.',
  CUSTOMER_NOT_FOUND: 'Check the Customer ID: iCIMS knows no customer by it.',
  UNREACHABLE: 'iCIMS did not answer. Try again in a few minutes; if it keeps failing, check the region.',
  ICIMS_ERROR: 'iCIMS had an error of its own. Try again later.',
  RATE_LIMITED: 'iCIMS asked us to slow down. Try again in a minute.',
};
