import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { loadConfigOrExit } from '@icims-sync/platform';
import { VaultStoreModule } from '../app.module';
import { CredentialsVaultConfig } from '../config/app.config';
import { KeyRing } from '../crypto/key-ring';
import { loadKeyRing } from '../crypto/key-ring.loader';

@Module({})
class VaultCliModule {
  static forRoot(config: CredentialsVaultConfig, ring: KeyRing): DynamicModule {
    return { module: VaultCliModule, imports: [MongooseModule.forRoot(config.MONGO_URL, { autoIndex: false }), VaultStoreModule.forRoot(ring)] };
  }
}

/** The vault's store and key ring for an operator command, configured like the service. */
export async function openVaultContext(command: string): Promise<{ app: INestApplicationContext; ring: KeyRing }> {
  const config = loadConfigOrExit(CredentialsVaultConfig, process.env, command);
  const loaded = loadKeyRing(config);
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${command}: config error: ${problem}\n`);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(VaultCliModule.forRoot(config, loaded.ring), { logger: false });
  await app.init();
  return { app, ring: loaded.ring };
}
