// Builds the HR admin's page (apps/admin-web): the gateway's OpenAPI document → a typed client
// (openapi-typescript) → a type check → Vite's bundle in apps/admin-web/dist, which the gateway
// serves at /ui/. Skipped when neither the API nor the page changed since the last build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../stack/paths.mjs';

const WEB = path.join(ROOT, 'apps/admin-web');
const DOCUMENT = path.join(WEB, 'openapi.json');
const SCHEMA = path.join(WEB, 'src/api/schema.d.ts');
const STAMP = path.join(WEB, 'dist/.inputs-sha256');

export function buildAdminWeb(log = console.log) {
  run('the OpenAPI document', [path.join(ROOT, 'apps/gateway/dist/cli/openapi.cli.js'), DOCUMENT]);
  const inputs = fingerprint();
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === inputs && fs.existsSync(SCHEMA)) return;
  log('prepare: building the admin page (OpenAPI client, type check, Vite)');
  run('the typed API client', [path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), DOCUMENT, '--output', SCHEMA, '--silent']);
  run('the admin page type check', [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(WEB, 'tsconfig.json')]);
  run('the admin page bundle', [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', WEB]);
  fs.writeFileSync(STAMP, inputs);
}

/** Everything the bundle depends on: the API document, the page's sources and config, the lockfile. */
function fingerprint() {
  const hash = createHash('sha256');
  const files = [DOCUMENT, path.join(ROOT, 'package-lock.json'), ...['index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'].map((name) => path.join(WEB, name)), ...listFiles(path.join(WEB, 'src'))];
  for (const file of files.filter((name) => name !== SCHEMA)) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function listFiles(directory) {
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(directory, entry.name)) : [path.join(directory, entry.name)]))
    .sort();
}

function run(what, args) {
  const result = spawnSync(process.execPath, args, { cwd: WEB, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`prepare: building ${what} failed (exit ${result.status ?? result.signal}; see above)`);
    process.exit(1);
  }
}
