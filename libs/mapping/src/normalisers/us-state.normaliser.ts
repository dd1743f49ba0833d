import { Normalised, invalid, normalised } from '../result';
import { normaliseText } from './text.normaliser';
import { US_STATES } from './us-states.constant';

const CODE_BY_NAME = new Map(Object.entries(US_STATES).map(([code, name]) => [name.toLowerCase(), code]));
CODE_BY_NAME.set('virgin islands', 'VI');
CODE_BY_NAME.set('washington dc', 'DC');
CODE_BY_NAME.set('washington d.c.', 'DC');

/** A US state name or code to its USPS code. Outside the US the text passes through. */
export function normaliseUsState(raw: unknown, countryCode: string | undefined): Normalised<string | undefined> {
  const text = normaliseText(raw, 64);
  if (!text.ok || text.value === undefined) return text;
  if (countryCode !== undefined && countryCode !== 'US') return text;
  const upper = text.value.toUpperCase();
  if (upper.length === 2 && US_STATES[upper] !== undefined) return normalised(upper);
  const code = CODE_BY_NAME.get(text.value.toLowerCase());
  return code ? normalised(code) : invalid('INVALID_US_STATE', 'not a US state name or USPS code');
}

