/** Key-encryption keys by id; new secrets are wrapped with the active one. */
export class KeyRing {
  private constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {}

  /**
   * `spec` is one `id:base64key` per line or comma (a mounted Kubernetes Secret file, or
   * VAULT_KEKS in development). Each key is 32 random bytes. Problems are returned, named.
   */
  static parse(spec: string, activeKeyId: string | undefined): { ok: true; ring: KeyRing } | { ok: false; problems: string[] } {
    const problems: string[] = [];
    const keys = new Map<string, Buffer>();
    for (const [index, entry] of spec.split(/[\n,]/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#')).entries()) {
      const at = entry.indexOf(':');
      const id = at > 0 ? entry.slice(0, at) : '';
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
        problems.push(`key ${index + 1}: expected "id:base64key" with an id of letters, digits, dots, dashes or underscores`);
        continue;
      }
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (key.length !== 32) problems.push(`key "${id}": must be 32 bytes of base64 (openssl rand -base64 32), got ${key.length}`);
      else if (keys.has(id)) problems.push(`key "${id}": listed twice`);
      else keys.set(id, key);
    }
    if (keys.size === 0 && problems.length === 0) problems.push('no key-encryption key is configured');
    const active = activeKeyId ?? (keys.size === 1 ? [...keys.keys()][0] : undefined);
    if (active === undefined && keys.size > 1) problems.push('several keys are loaded: set VAULT_ACTIVE_KEK_ID to the one new secrets use');
    else if (active !== undefined && !keys.has(active) && keys.size > 0) problems.push(`VAULT_ACTIVE_KEK_ID "${active}" is not among the loaded keys`);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, ring: new KeyRing(keys, active!) };
  }

  key(keyId: string): Buffer | undefined {
    return this.keys.get(keyId);
  }

  get activeKey(): Buffer {
    return this.keys.get(this.activeKeyId)!;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }
}
