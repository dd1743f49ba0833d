/* eslint-disable no-console -- a command-line tool talks to its terminal. */
import { AppException } from '@icims-sync/platform';
import { ConnectionRepository } from '../connections/connection.repository';
import { VaultSecrets } from '../connections/vault-secrets.service';
import { openVaultContext } from './vault-cli.context';

/**
 * Re-wraps every stored secret with the active key-encryption key, so an old key can be
 * retired. Safe to run twice; secrets already on the active key are left alone.
 */
async function main(): Promise<void> {
  const { app, ring } = await openVaultContext('vault rewrap');
  try {
    const connections = app.get(ConnectionRepository);
    const secrets = app.get(VaultSecrets);
    let rewrapped = 0;
    let current = 0;
    for await (const connection of connections.all()) {
      const update: Record<string, unknown> = {};
      for (const field of ['outbound', 'inbound'] as const) {
        const sealed = connection[field]?.secret;
        if (!sealed) continue;
        if (sealed.kid === ring.activeKeyId) {
          current += 1;
          continue;
        }
        try {
          update[`${field}.secret`] = secrets.rewrap(sealed);
        } catch (error) {
          if (error instanceof AppException) throw new Error(`tenant ${connection._id}, ${field} secret: ${error.message}`);
          throw error;
        }
        rewrapped += 1;
      }
      if (Object.keys(update).length > 0) await connections.update(connection._id, { $set: update });
    }
    console.log(`rewrapped ${rewrapped} secret(s) to key "${ring.activeKeyId}"; ${current} already used it`);
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  console.error(`vault rewrap: ${error.message}`);
  process.exit(1);
});
