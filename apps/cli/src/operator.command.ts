import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './cli-error';

/** The compiled operator programs this CLI fronts (they need the store or the broker, not the gateway). */
export const OPERATOR_PROGRAMS = {
  dlq: 'libs/platform/dist/cli/dlq-replay.cli.js',
  tenant: 'apps/credentials-vault/dist/cli/tenant.cli.js',
  rewrap: 'apps/credentials-vault/dist/cli/rewrap.cli.js',
} as const;

/** Runs one with `args`, its output on this terminal; its failure is this command's. */
export function runOperatorProgram(program: keyof typeof OPERATOR_PROGRAMS, args: string[], root = path.resolve(__dirname, '../../..')): void {
  const entry = path.join(root, OPERATOR_PROGRAMS[program]);
  if (!fs.existsSync(entry)) throw new CliError(`${OPERATOR_PROGRAMS[program]} is not built yet: run npm run build`);
  const result = spawnSync(process.execPath, [entry, ...args], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new CliError(`${program} exited with ${result.status ?? result.signal}`, result.status ?? 1);
}
