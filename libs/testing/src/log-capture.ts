import fs from 'node:fs';
import path from 'node:path';

/**
 * The suite's log scan (npm test): every service process a test starts writes its output
 * here too, and tests note the secrets and PII they create, so the scan can prove no log
 * line carries any of them. Off when `TEST_LOG_DIR` is unset (a single jest run).
 */
const directory = process.env.TEST_LOG_DIR;

/** The file a process's output is copied to, or undefined when nothing is captured. */
export function captureFileFor(entry: string, pid: number | undefined): string | undefined {
  if (!directory) return undefined;
  fs.mkdirSync(directory, { recursive: true });
  return path.join(directory, `${entry.replace(/[^\w.-]+/g, '_')}-${pid ?? 'unknown'}.log`);
}

export type KnownKind = 'secret' | 'ssn' | 'dateOfBirth';

/** Notes values no log line may contain (one per line; never printed by the scan). */
export function rememberForLogScan(kind: KnownKind, values: Iterable<string | undefined>): void {
  if (!directory) return;
  const lines = [...values].filter((value): value is string => typeof value === 'string' && value.length >= 4).map((value) => `${kind}\t${value}\n`);
  if (lines.length === 0) return;
  fs.mkdirSync(directory, { recursive: true });
  fs.appendFileSync(path.join(directory, 'known-values.tsv'), lines.join(''));
}
