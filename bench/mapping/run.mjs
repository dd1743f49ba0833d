#!/usr/bin/env node
// Records per second for iCIMS -> HR (and HR -> iCIMS) mapping on one core.
// Run: npm run bench:mapping   (builds first; uses libs/mapping/dist)
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { mapIcimsPersonToEmployee, mapEmployeeToIcimsPatch } = require('../../libs/mapping/dist');

const TARGET_PER_SECOND = 200_000;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const STATES = ['Texas', 'CA', 'new york', 'WA', 'Florida', 'IL'];
const COUNTRIES = [{ id: 'D1', value: 'United States' }, 'USA', 'US', { id: 'D2', value: 'United States of America' }];

/** Realistic persons: list values, references, two address entries, PII, varied forms. */
function person(i) {
  return {
    id: String(100_000 + i),
    firstname: `First${i}`,
    lastname: `Last${i % 977}`,
    email: `First.Last${i}@Example.com`,
    hiredate: i % 3 === 0 ? '2026-12-01 09:30 AM' : '2026-12-01',
    addresses: [
      { entry: 1, addressstreet1: `${i} Work Plaza`, addresscity: 'Dallas', addressstate: { id: 'D3', value: 'Texas' }, addresszip: '75201', addresscountry: COUNTRIES[i % 4], addresstype: { entry: 41, value: 'Work' } },
      { entry: 2, addressstreet1: `${i} Elm Street`, addressstreet2: 'Apt 4', addresscity: 'Austin', addressstate: STATES[i % STATES.length], addresszip: i % 2 ? '78701-1234' : '787011234', addresscountry: COUNTRIES[(i + 1) % 4], addresstype: { entry: 42, value: 'Home' }, primary: i % 5 !== 0 },
    ],
    jobcode: { id: 'C201', value: `ENG${i % 7}`, formattedvalue: 'Engineer' },
    homedepartment: { id: 'C301', value: 'RND' },
    locationcode: 'AUS',
    hiringmanager: { profile: 'https://api.icims.com/customers/6268/people/77', id: String(77 + (i % 50)), value: 'Boss' },
    usssn: `${String(100 + (i % 500)).padStart(3, '0')}-${String(10 + (i % 89)).padStart(2, '0')}-${String(1000 + (i % 8999)).padStart(4, '0')}`,
    birthdate: '1990-02-28',
  };
}

const managers = new Map(Array.from({ length: 50 }, (_, k) => [String(77 + k), `hr-${77 + k}`]));
const options = { profile: 'hrcloud', resolveManager: (id) => managers.get(id) };
const persons = Array.from({ length: RECORDS }, (_, i) => person(i));

function time(label, fn) {
  fn(); // warm-up round: JIT and caches
  const rates = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    const failed = fn();
    const seconds = (performance.now() - started) / 1000;
    if (failed > 0) throw new Error(`${label}: ${failed} records failed to map; the benchmark input is wrong`);
    rates.push(RECORDS / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  console.log(`${label.padEnd(16)} median ${Math.round(median).toLocaleString('en-US')} records/s (min ${Math.round(rates[0]).toLocaleString('en-US')}, max ${Math.round(rates.at(-1)).toLocaleString('en-US')}) over ${ROUNDS} rounds of ${RECORDS.toLocaleString('en-US')}`);
  return median;
}

console.log(`node ${process.version}, one thread (the mapping is synchronous and pure)`);
// Results are checked and dropped, as an import does after each write; keeping 200,000
// of them alive would measure the garbage collector's old generation, not the mapping.
const importRate = time('iCIMS -> HR', () => {
  let failed = 0;
  for (const p of persons) if (!mapIcimsPersonToEmployee(p, options).ok) failed += 1;
  return failed;
});
const employees = persons.map((p) => ({ ...mapIcimsPersonToEmployee(p, options).value, employeeNumber: 'E1' }));
const exportRate = time('HR -> iCIMS', () => {
  let failed = 0;
  for (const employee of employees) if (!mapEmployeeToIcimsPatch(employee).ok) failed += 1;
  return failed;
});
console.log(`target ${TARGET_PER_SECOND.toLocaleString('en-US')} records/s: iCIMS -> HR at ${(importRate / TARGET_PER_SECOND).toFixed(2)}x, HR -> iCIMS at ${(exportRate / TARGET_PER_SECOND).toFixed(2)}x`);
process.exit(importRate >= TARGET_PER_SECOND ? 0 : 1);
