import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { secretKeysOf } from './secret.decorator';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

/**
 * Validates `env` against a class-validator schema. Problems name the variable and
 * the rule, never the value, since the value may be a secret.
 */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv): T {
  const config = plainToInstance(schema, stripEmpty(env), { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigValidationError(errors.flatMap(describe));
  return config;
}

/** For main(): one line per bad variable on stderr, then exit 1, before Nest starts. */
export function loadConfigOrExit<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv, service: string): T {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${service}: config error: ${problem}\n`);
    process.exit(1);
  }
}

/** The config as printable key/values: secrets masked, and the credentials inside any URL (`mongodb://user:password@…`). */
export function describeConfig(config: object): Record<string, unknown> {
  const secrets = new Set(secretKeysOf(config));
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, secrets.has(key) ? '[secret]' : typeof value === 'string' ? withoutUrlCredentials(value) : value]),
  );
}

/** `scheme://user:password@host…` → `scheme://[credentials]@host…`; anything else as it is. */
function withoutUrlCredentials(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1[credentials]@');
}

/** An empty variable means "not set", so defaults apply. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

function describe(error: ValidationError): string[] {
  const rules = [...new Set(Object.values(error.constraints ?? {}))];
  return rules.length > 0 ? [`${error.property}: ${rules.join(', ')}`] : error.children?.flatMap(describe) ?? [];
}
