import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanLogDirectory } from './log-scan';

describe(scanLogDirectory.name, () => {
  let directory: string;
  const write = (file: string, text: string) => fs.writeFileSync(path.join(directory, file), text);

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'log-scan-'));
    write('known-values.tsv', 'secret\ts3cr3t-token-abcdef\nssn\t123456789\ndateOfBirth\t1985-03-12\n');
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('names the file, line and kind of every leak, never the value', () => {
    write(
      'gateway-1.log',
      [
        '{"level":30,"msg":"started","mongo":"mongodb://[credentials]@db:27017/x"}',
        '{"level":50,"msg":"driver error","url":"mongodb://app:hunter2@db:27017/x"}',
        '{"msg":"signed","authorization":"Bearer s3cr3t-token-abcdef"}',
        '{"msg":"person","ssn":"123456789","dob":"1985-03-12"}',
        '{"msg":"raw","value":"123-45-6789"}',
      ].join('\n'),
    );

    const scan = scanLogDirectory(directory);

    expect(scan.files).toBe(1);
    expect(scan.findings).toEqual([
      { file: 'gateway-1.log', line: 2, kind: 'url-credentials' },
      { file: 'gateway-1.log', line: 3, kind: 'secret' },
      { file: 'gateway-1.log', line: 4, kind: 'ssn' },
      { file: 'gateway-1.log', line: 4, kind: 'dateOfBirth' },
      { file: 'gateway-1.log', line: 5, kind: 'ssn-shaped' },
    ]);
    expect(JSON.stringify(scan)).not.toMatch(/hunter2|s3cr3t|123456789/);
  });

  it('does not take a known number inside a longer one for a leak', () => {
    write('ingest-2.log', '{"time":1764312345678901,"msg":"page imported","id":"1234567890"}\n');

    expect(scanLogDirectory(directory).findings).toEqual([]);
  });
});
