// The install and runtime guards of tools/: one Node version named everywhere, and a lockfile
// guard that names what npm ci would refuse.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const pinned = /version: '(\d+\.\d+\.\d+)'/.exec(read('tools/runtime/node.mjs'))![1];

describe('the pinned Node runtime', () => {
  it('is Node 24', () => {
    expect(pinned).toMatch(/^24\./);
  });

  it.each([
    ['Dockerfile', new RegExp(`^ARG NODE_VERSION=${pinned}$`, 'm')],
    ['docker-compose.yml', new RegExp(`NODE_VERSION: "${pinned}"[\\s\\S]*image: icims-sync:dev-node${pinned}$`, 'm')],
    ['helm/icims-sync/values.yaml', new RegExp(`tag: "\\d+\\.\\d+\\.\\d+-node${pinned}"`)],
    ['README.md', new RegExp(`Node ${pinned.replace(/\./g, '\\.')}`)],
  ])('is the one %s names', (file, pattern) => {
    expect(read(file)).toMatch(pattern);
  });

  it('is the one every image in the rendered manifests runs', () => {
    const images = [...read('k8s/icims-sync.yaml').matchAll(/image: "([^"]+)"/g)].map((match) => match[1]);
    expect(images.length).toBeGreaterThan(0);
    expect(new Set(images)).toEqual(new Set([`ghcr.io/icims-sync/icims-sync:${/tag: "([^"]+)"/.exec(read('helm/icims-sync/values.yaml'))![1]}`]));
  });

  it('meets the engines range of package.json', () => {
    expect(JSON.parse(read('package.json')).engines.node).toBe(`>=${pinned.split('.')[0]}`);
  });
});

describe('the lockfile guard', () => {
  function guard(lock: object): string[] {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lock-')), 'package-lock.json');
    fs.writeFileSync(file, JSON.stringify(lock));
    const script = `import { checkLockfile } from ${JSON.stringify(path.join(ROOT, 'tools/dev/lockfile.mjs'))}; console.log(JSON.stringify(checkLockfile(process.argv[1])));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
  }

  it('names each entry without a version', () => {
    const lock = { lockfileVersion: 3, packages: { '': { name: 'x' }, 'node_modules/a': { version: '1.0.0' }, 'node_modules/a/node_modules/b': { optional: true } } };
    expect(guard(lock)).toEqual(['package-lock.json: "node_modules/a/node_modules/b" has no version']);
  });

  it('accepts workspace links, which have no version of their own', () => {
    expect(guard({ lockfileVersion: 3, packages: { '': {}, 'node_modules/@icims-sync/sync-ledger': { resolved: 'libs/sync-ledger', link: true } } })).toEqual([]);
  });

  it('refuses a lockfile npm 11 did not write', () => {
    expect(guard({ lockfileVersion: 2, packages: {} })).toEqual(['package-lock.json has lockfileVersion 2; npm 11 writes 3']);
  });

  it('passes the committed lockfile', () => {
    expect(guard(JSON.parse(read('package-lock.json')))).toEqual([]);
  });
});
