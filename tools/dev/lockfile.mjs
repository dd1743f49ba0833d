// The lockfile guard: npm 11 refuses a whole lockfile for one entry without a version (older npm
// wrote such entries for optional platform bindings), so name them before npm ci fails vaguely.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../stack/paths.mjs';

/** Keys of package-lock.json entries that npm ci would refuse: installed packages without a version. */
function entriesWithoutVersion(lock) {
  return Object.entries(lock.packages ?? {})
    .filter(([key, entry]) => key !== '' && !entry.link && !entry.version)
    .map(([key]) => key);
}

/** What to do about any problem checkLockfile names. */
export const LOCKFILE_FIX = 'npm ci would refuse this lockfile; rewrite it with `npm install --package-lock-only` (npm 11 or newer) and commit it';

export function checkLockfile(file = path.join(ROOT, 'package-lock.json')) {
  const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (lock.lockfileVersion !== 3) return [`${path.basename(file)} has lockfileVersion ${lock.lockfileVersion}; npm 11 writes 3`];
  return entriesWithoutVersion(lock).map((key) => `${path.basename(file)}: "${key}" has no version`);
}
