/** One entry of an iCIMS person's `addresses` collection. */
export interface IcimsAddressEntry {
  entry?: unknown;
  addressstreet1?: unknown;
  addressstreet2?: unknown;
  addresscity?: unknown;
  addressstate?: unknown;
  addresszip?: unknown;
  addresscountry?: unknown;
  addresstype?: unknown;
  primary?: unknown;
}

/** The primary entry; if none is primary, the Home entry; then the first. */
export function pickAddress(addresses: readonly unknown[]): IcimsAddressEntry | undefined {
  const entries = addresses.filter((entry): entry is IcimsAddressEntry => typeof entry === 'object' && entry !== null && !Array.isArray(entry));
  return entries.find((entry) => entry.primary === true || entry.primary === 'true') ?? entries.find(isHome) ?? entries[0];
}

function isHome(entry: IcimsAddressEntry): boolean {
  const type = entry.addresstype as { value?: unknown } | string | undefined;
  const label = typeof type === 'string' ? type : type?.value;
  return typeof label === 'string' && label.trim().toLowerCase() === 'home';
}
