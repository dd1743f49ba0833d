#!/usr/bin/env node
// CI's first step: name every package-lock.json entry that npm ci would refuse, before anything installs.
import { checkLockfile } from './lockfile.mjs';

const problems = checkLockfile();
for (const problem of problems) console.error(`lockfile: ${problem}`);
if (problems.length > 0) {
  console.error('lockfile: npm ci would refuse it; rewrite it with `npm install --package-lock-only` (npm 11 or newer) and commit it');
  process.exit(1);
}
console.log('lockfile: every entry has a version');
