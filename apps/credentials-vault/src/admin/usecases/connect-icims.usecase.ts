import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConnectResult } from '@icims-sync/contracts';
import { IcimsCredentials } from '@icims-sync/icims-client';
import { AppException, InvalidInputException } from '@icims-sync/platform';
import { CredentialsVaultConfig } from '../../config/app.config';
import { ConnectionRepository } from '../../connections/connection.repository';
import { ConnectionDocument, ConnectionStatus } from '../../connections/connection.schema';
import { icimsHostsOf } from '../../connections/icims-hosts';
import { VaultSecrets } from '../../connections/vault-secrets.service';
import { SecretTamperedException, UnknownKeyIdException } from '../../crypto/crypto.exception';
import { OutboundSigner } from '../../internal/outbound-signer.service';
import { Actor } from '../actor.decorator';
import { ConfigChangeRepository } from '../config-change.repository';
import { EnabledConnections } from '../enabled-connections.service';
import { probeIcims } from '../icims-connection-probe';
import { OwnerVerifier } from '../owner-verifier.service';
import { missingCredentialFields } from '../settings-view';
import { requireConsent } from './accept-consent.usecase';

/**
 * Connect: tests the saved credentials against iCIMS and stores the verdict. The first
 * admin to connect becomes the owner when there is none.
 */
@Injectable()
export class ConnectIcimsUseCase {
  private readonly logger = new Logger(ConnectIcimsUseCase.name);

  constructor(
    private readonly enabled: EnabledConnections,
    private readonly connections: ConnectionRepository,
    private readonly secrets: VaultSecrets,
    private readonly signer: OutboundSigner,
    private readonly owners: OwnerVerifier,
    private readonly changes: ConfigChangeRepository,
    @Inject(CredentialsVaultConfig) private readonly config: CredentialsVaultConfig,
  ) {}

  async execute(tenantId: string, actor: Actor): Promise<ConnectResult> {
    const connection = await this.enabled.load(tenantId);
    requireConsent(connection);
    const missing = missingCredentialFields(connection);
    if (missing.length > 0) {
      throw new InvalidInputException('CREDENTIALS_INCOMPLETE', `fill in ${missing.join(', ')} before pressing Connect`, { fields: missing });
    }
    const outbound = connection.outbound!;
    const hosts = icimsHostsOf(outbound.region, { api: this.config.ICIMS_API_URL_OVERRIDE, token: this.config.ICIMS_TOKEN_URL_OVERRIDE });
    const probe = await probeIcims(this.credentialsOf(connection, hosts.token), hosts.api, connection.customerId!, this.config.CONNECT_TIMEOUT_MS);
    const status: ConnectionStatus = probe.ok
      ? { state: 'connected', message: `connected to iCIMS customer ${connection.customerId}`, checkedAt: new Date() }
      : { state: 'error', reason: probe.reason, message: probe.message, checkedAt: new Date() };

    const set: Partial<ConnectionDocument> = { status, ...(probe.ok ? { linkedCustomerId: connection.customerId } : {}) };
    if (probe.ok && !connection.owner) Object.assign(set, { owner: { userId: actor.userId, displayName: actor.displayName }, ownerCheck: { valid: true, checkedAt: new Date() } });
    const recorded = { status: status.state, reason: status.reason ?? null, ...(set.owner ? { owner: actor.userId } : {}) };
    await this.changes.saveWith(tenantId, actor, 'connection.tested', recorded, (session) => this.connections.update(tenantId, { $set: set }, session));
    this.signer.invalidate(tenantId);
    this.owners.forget(tenantId);
    this.logger.log({ tenantId, status: status.state, reason: status.reason }, 'iCIMS connection tested');
    return { status: status.state as ConnectResult['status'], reason: status.reason, message: status.message!, checkedAt: status.checkedAt!.toISOString() };
  }

  private credentialsOf(connection: ConnectionDocument, tokenUrl: string): IcimsCredentials {
    const outbound = connection.outbound!;
    const secret = this.openSecret(connection);
    return outbound.method === 'oauth2'
      ? { method: 'oauth2', clientId: outbound.clientId!, clientSecret: secret, tokenUrl }
      : { method: 'hmac', username: outbound.username!, hmacKey: secret };
  }

  /** A secret the vault's keys cannot open is the admin's to re-enter (or the operator's key to restore). */
  private openSecret(connection: ConnectionDocument): string {
    try {
      return this.secrets.open(connection._id, 'outbound.secret', connection.outbound!.secret!);
    } catch (error) {
      if (!(error instanceof UnknownKeyIdException || error instanceof SecretTamperedException)) throw error;
      this.logger.error({ tenantId: connection._id, code: error.code, reason: error.message }, 'saved iCIMS secret cannot be opened');
      throw new AppException('SECRET_UNREADABLE', `the saved ${connection.outbound!.method === 'oauth2' ? 'client secret' : 'HMAC key'} cannot be read with the vault's current keys (${error.code}); enter it again, or ask the platform operator to restore the key`, 'conflict');
    }
  }
}
