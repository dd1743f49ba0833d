import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import { Normalised, invalid, normalised } from '../result';
import { normaliseText } from './text.normaliser';

countries.registerLocale(english);

/**
 * Every English name, alias, alpha-2 and alpha-3 code the library knows, indexed once:
 * its own name lookup scans the whole list on every call.
 */
const ALPHA2_BY_NAME: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const [alpha2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    index.set(alpha2.toLowerCase(), alpha2);
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    if (alpha3) index.set(alpha3.toLowerCase(), alpha2);
    for (const name of names) index.set(name.toLowerCase(), alpha2);
  }
  return index;
})();

/** A country name or ISO code to ISO-3166 alpha-2. */
export function normaliseCountry(raw: unknown): Normalised<string | undefined> {
  const text = normaliseText(raw, 64);
  if (!text.ok || text.value === undefined) return text;
  const alpha2 = ALPHA2_BY_NAME.get(text.value.toLowerCase());
  return alpha2 ? normalised(alpha2) : invalid('INVALID_COUNTRY', 'not an ISO-3166 country name or code');
}

