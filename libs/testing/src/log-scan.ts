import fs from 'node:fs';
import path from 'node:path';

export interface LogFinding {
  file: string;
  line: number;
  /** What was found (`secret`, `ssn`, `dateOfBirth`, `url-credentials`, `ssn-shaped`); never the value. */
  kind: string;
}

export interface LogScan {
  files: number;
  lines: number;
  findings: LogFinding[];
}

/** `scheme://user:password@`: credentials inside any connection string or URL. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/@:"']+:[^\s/@"']+@/i;
/** An SSN as people write it. */
const SSN_SHAPED = /\b\d{3}-\d{2}-\d{4}\b/;

/**
 * Reads every `*.log` of `directory` (what the suite's service processes wrote) against
 * `known-values.tsv` (secrets the tests made, SSNs and birth dates HR held) and the shapes
 * no log may carry. Secrets are random and long, so any occurrence counts; SSNs and dates
 * count as whole tokens only (a timestamp holds many nine-digit runs).
 */
export function scanLogDirectory(directory: string): LogScan {
  const { secrets, tokens } = knownValues(path.join(directory, 'known-values.tsv'));
  const scan: LogScan = { files: 0, lines: 0, findings: [] };
  for (const name of fs.existsSync(directory) ? fs.readdirSync(directory).filter((file) => file.endsWith('.log')).sort() : []) {
    scan.files += 1;
    const lines = fs.readFileSync(path.join(directory, name), 'utf8').split('\n');
    lines.forEach((text, index) => {
      scan.lines += 1;
      const kinds = new Set<string>();
      if (URL_CREDENTIALS.test(text)) kinds.add('url-credentials');
      if (SSN_SHAPED.test(text)) kinds.add('ssn-shaped');
      if (secrets.some((secret) => text.includes(secret))) kinds.add('secret');
      for (const token of text.split(/[^0-9-]+/)) {
        const kind = tokens.get(token);
        if (kind) kinds.add(kind);
      }
      for (const kind of kinds) scan.findings.push({ file: name, line: index + 1, kind });
    });
  }
  return scan;
}

function knownValues(file: string): { secrets: string[]; tokens: Map<string, string> } {
  const secrets = new Set<string>();
  const tokens = new Map<string, string>();
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  for (const line of text.split('\n')) {
    const [kind, value] = line.split('\t');
    if (!value) continue;
    if (kind === 'secret') secrets.add(value);
    else tokens.set(value, kind);
  }
  return { secrets: [...secrets], tokens };
}
