#!/usr/bin/env node
// Prints one line, "N passed, N failed[, N skipped]", from Jest's JSON results and, when CI ran
// them, the npm start checks; exit 1 on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL } from '../stack/paths.mjs';

const RESULTS = path.join(LOCAL, 'test-results');
const PROJECTS = ['unit', 'integration'];

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const project of PROJECTS) {
  const file = path.join(RESULTS, `${project}.json`);
  if (!fs.existsSync(file)) {
    missing.push(project);
    continue;
  }
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += results.numPassedTests;
  // A suite that fails to load has no failed tests of its own; count it so it cannot hide.
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
  skipped += results.numPendingTests + results.numTodoTests;
}
const startChecks = path.join(RESULTS, 'npm-start.json');
if (fs.existsSync(startChecks)) {
  const checks = JSON.parse(fs.readFileSync(startChecks, 'utf8'));
  passed += checks.passed;
  failed += checks.failed;
}
if (missing.length > 0) console.error(`summary: no results for ${missing.join(', ')} (the run stopped before them)`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
