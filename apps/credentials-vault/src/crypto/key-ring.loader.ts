import fs from 'node:fs';
import { CredentialsVaultConfig } from '../config/app.config';
import { KeyRing } from './key-ring';

/** The key ring from VAULT_KEK_FILE (production) or VAULT_KEKS (development), or named problems. */
export function loadKeyRing(config: CredentialsVaultConfig): { ok: true; ring: KeyRing } | { ok: false; problems: string[] } {
  const { VAULT_KEK_FILE: file, VAULT_KEKS: inline, VAULT_ACTIVE_KEK_ID: active } = config;
  if (!file && !inline) return { ok: false, problems: ['VAULT_KEK_FILE: set it (or VAULT_KEKS in development) to the key-encryption keys'] };
  let spec = inline ?? '';
  let variable = 'VAULT_KEKS';
  if (file) {
    variable = 'VAULT_KEK_FILE';
    try {
      spec = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return { ok: false, problems: [`VAULT_KEK_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`] };
    }
  }
  const parsed = KeyRing.parse(spec, active);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems.map((problem) => `${variable}: ${problem}`) };
}
