#!/usr/bin/env node
// CI's first step: name every package-lock.json entry that npm ci would refuse, before anything installs.
import { LOCKFILE_FIX, checkLockfile } from './lockfile.mjs';

const problems = checkLockfile();
for (const problem of problems) console.error(`lockfile: ${problem}`);
if (problems.length > 0) {
  console.error(`lockfile: ${LOCKFILE_FIX}`);
  process.exit(1);
}
console.log('lockfile: every entry has a version');
