// STYLE.md "Naming": one spelling per file role. A second spelling of a role (`.errors`
// beside `.exception`) makes a reader wonder whether the two differ.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** Spellings seen or likely, and the house spelling each should be. */
const HOUSE_SPELLING: Record<string, string> = {
  error: 'exception',
  errors: 'exception',
  exceptions: 'exception',
  'use-case': 'usecase',
  usecases: 'usecase',
  utils: 'util',
  helper: 'util',
  helpers: 'util',
  constants: 'constant',
  repo: 'repository',
  dtos: 'dto',
  schemas: 'schema',
  e2e: 'e2e-spec',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(ROOT, full)] : [];
  });
}

describe('file role suffixes', () => {
  const files = ['apps', 'libs'].flatMap((top) => fs.readdirSync(path.join(ROOT, top)).flatMap((pkg) => sourceFiles(path.join(ROOT, top, pkg))));

  it('are spelled one way each', () => {
    const misspelled = files.flatMap((file) => {
      const role = /\.([a-z-]+)\.ts$/.exec(path.basename(file).replace(/\.spec\.ts$|\.e2e-spec\.ts$/, '.ts'))?.[1];
      return role && HOUSE_SPELLING[role] ? [`${file}: .${role} should be .${HOUSE_SPELLING[role]}`] : [];
    });

    expect(files.length).toBeGreaterThan(100);
    expect(misspelled).toEqual([]);
  });

  it('are kebab-case file names', () => {
    expect(files.filter((file) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9-]+)*\.ts$/.test(path.basename(file)))).toEqual([]);
  });
});
