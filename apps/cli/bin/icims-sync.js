#!/usr/bin/env node
// `npx icims-sync ...`: the CLI on the project's Node (24), through the operator wrapper, so
// the variables of a running `npm start` (brokers, store, URLs) are found without setup.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const child = spawn(process.execPath, [path.join(root, 'tools/runtime/with-node.mjs'), path.join(root, 'tools/dev/operator-command.mjs'), 'apps/cli/dist/main.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, RUNTIME_NOTICES: 'off' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
