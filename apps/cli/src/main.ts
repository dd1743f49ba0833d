/* eslint-disable no-console -- a command-line tool talks to its terminal. */
import { Command, CommanderError } from 'commander';
import { AdminApi } from './admin-api';
import { CliError } from './cli-error';
import { runImport } from './import.command';
import { runOperatorProgram } from './operator.command';
import { listRuns, showRun } from './runs.command';
import { TargetOptions, resolveTarget } from './target';

const program = new Command('icims-sync')
  .description("icims-sync's operator CLI. Admin commands talk to the gateway; dlq, tenant and vault talk to the broker and store.")
  .option('--gateway <url>', 'the gateway (ICIMS_SYNC_URL; default http://127.0.0.1:3000)')
  .option('--token <jwt>', "an HR admin's bearer token (ICIMS_SYNC_TOKEN)")
  .option('--as <userId>', 'beside npm start: sign in as this HR sandbox user (default ada)')
  .option('--json', 'print JSON for scripts')
  .exitOverride()
  .showHelpAfterError();

const apiFor = async (tenantId: string) => new AdminApi(await resolveTarget(tenantId, program.opts<TargetOptions>()));
const json = () => program.opts<{ json?: boolean }>().json === true;

program
  .command('import')
  .description('press Import and follow the run: a progress bar and the counters, then the final run')
  .requiredOption('--tenant <id>', 'the tenant')
  .option('--full', 'everyone, not only people changed since the last successful import')
  .option('--dry-run', 'plan it and write nothing to HR')
  .action(async (options: { tenant: string; full?: boolean; dryRun?: boolean }) => {
    await runImport(await apiFor(options.tenant), options.tenant, { full: options.full, dryRun: options.dryRun, json: json() });
  });

const runs = program.command('runs').description('the sync history of a tenant');
runs
  .command('list')
  .requiredOption('--tenant <id>', 'the tenant')
  .option('--direction <import|export>', 'only one direction')
  .option('--limit <n>', 'how many (at most 200)', '20')
  .action(async (options: { tenant: string; direction?: string; limit: string }) => listRuns(await apiFor(options.tenant), options.tenant, { ...options, json: json() }));
runs
  .command('show <runId>')
  .requiredOption('--tenant <id>', 'the tenant')
  .option('--records', 'with its per-person outcomes')
  .action(async (runId: string, options: { tenant: string; records?: boolean }) => showRun(await apiFor(options.tenant), options.tenant, runId, { ...options, json: json() }));

const dlq = program.command('dlq').description("a topic's dead letters (needs KAFKA_BROKERS; found beside npm start)");
dlq.command('list').requiredOption('--topic <topic>', 'the topic').action((options: { topic: string }) => runOperatorProgram('dlq', ['--topic', options.topic, '--list']));
dlq.command('replay').requiredOption('--topic <topic>', 'the topic').action((options: { topic: string }) => runOperatorProgram('dlq', ['--topic', options.topic]));

const tenant = program.command('tenant').description("the operator's flag for a tenant (needs the vault's store and keys; found beside npm start)");
for (const flag of ['enable', 'disable'] as const) {
  tenant
    .command(flag)
    .requiredOption('--tenant <id>', 'the tenant')
    .option('--profile <hrcloud|namely>', 'its HR profile')
    .action((options: { tenant: string; profile?: string }) => runOperatorProgram('tenant', ['--tenant', options.tenant, `--${flag}`, ...(options.profile ? ['--profile', options.profile] : [])]));
}

program
  .command('vault')
  .description("the vault's keys")
  .command('rewrap')
  .description('re-seal every stored secret with the active key-encryption key')
  .action(() => runOperatorProgram('rewrap', []));

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  console.error(`icims-sync: ${error instanceof CliError ? error.message : (error as Error).message}`);
  process.exit(error instanceof CliError ? error.exitCode : 1);
});
