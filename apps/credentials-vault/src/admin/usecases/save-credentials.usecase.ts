import { Injectable } from '@nestjs/common';
import { IcimsCredentialsDto, IcimsSettingsView } from '@icims-sync/contracts';
import { AppException, InvalidInputException, isDuplicateKey } from '@icims-sync/platform';
import { ConnectionRepository } from '../../connections/connection.repository';
import { ConnectionDocument, OutboundCredentials } from '../../connections/connection.schema';
import { VaultSecrets, hintOf } from '../../connections/vault-secrets.service';
import { OutboundSigner } from '../../internal/outbound-signer.service';
import { Actor } from '../actor.decorator';
import { ConfigChangeRepository, SECRET_CHANGED } from '../config-change.repository';
import { EnabledConnections } from '../enabled-connections.service';
import { requireConsent } from './accept-consent.usecase';
import { GetIcimsSettingsUseCase } from './get-icims-settings.usecase';

/** Fields that belong to the other method; naming them beats silently dropping them. */
const FOREIGN_FIELDS = { oauth2: ['username', 'hmacKey'], hmac: ['clientId', 'clientSecret'] } as const;

/**
 * Saves the connection form, sealing the secret. A secret left out keeps the saved one;
 * any change sends the connection back to "not connected" until Connect passes again.
 */
@Injectable()
export class SaveCredentialsUseCase {
  constructor(
    private readonly enabled: EnabledConnections,
    private readonly connections: ConnectionRepository,
    private readonly secrets: VaultSecrets,
    private readonly signer: OutboundSigner,
    private readonly changes: ConfigChangeRepository,
    private readonly settings: GetIcimsSettingsUseCase,
  ) {}

  async execute(tenantId: string, actor: Actor, form: IcimsCredentialsDto): Promise<IcimsSettingsView> {
    const foreign = FOREIGN_FIELDS[form.method].filter((field) => form[field] !== undefined);
    if (foreign.length > 0) {
      throw new InvalidInputException('CREDENTIALS_INVALID', `${foreign.join(' and ')} do not apply to ${form.method} credentials`, { fields: foreign });
    }
    const connection = await this.enabled.load(tenantId);
    requireConsent(connection);
    const outbound = this.merge(tenantId, connection, form);
    const customerId = form.customerId ?? connection.customerId;
    requireConfirmedCustomerChange(connection, customerId, form);
    const changed = this.changedFields(connection, outbound, customerId, form);
    if (changed.length === 0) return this.settings.viewOf(connection);

    const secretField = form.method === 'oauth2' ? 'clientSecret' : 'hmacKey';
    const recorded: Record<string, unknown> = Object.fromEntries(changed.map((field) => [field, field === secretField ? SECRET_CHANGED : field === 'customerId' ? customerId : outbound[field as keyof OutboundCredentials]]));
    if (changed.includes('customerId') && form.confirmCustomerIdChange) recorded.customerIdChangeConfirmed = true;
    const saved = await this.save(tenantId, actor, recorded, { outbound, customerId, status: { state: 'not_connected', message: 'credentials changed: press Connect to test them' } });
    this.signer.invalidate(tenantId);
    return this.settings.viewOf(saved);
  }

  private merge(tenantId: string, connection: ConnectionDocument, form: IcimsCredentialsDto): OutboundCredentials {
    // Switching method starts the form over: a client secret is no HMAC key.
    const previous = connection.outbound?.method === form.method ? connection.outbound : undefined;
    const secret = form.method === 'oauth2' ? form.clientSecret : form.hmacKey;
    const outbound: OutboundCredentials = {
      method: form.method,
      region: form.region ?? previous?.region ?? 'US',
      ...(form.method === 'oauth2' ? { clientId: form.clientId ?? previous?.clientId } : { username: form.username ?? previous?.username }),
      secret: secret === undefined ? previous?.secret : this.secrets.seal(tenantId, 'outbound.secret', secret),
      secretHint: secret === undefined ? previous?.secretHint : hintOf(secret),
    };
    return Object.fromEntries(Object.entries(outbound).filter(([, value]) => value !== undefined)) as unknown as OutboundCredentials;
  }

  private changedFields(connection: ConnectionDocument, outbound: OutboundCredentials, customerId: string | undefined, form: IcimsCredentialsDto): string[] {
    const before = connection.outbound;
    const changed: string[] = [];
    if (before?.method !== outbound.method) changed.push('method');
    if (before?.region !== outbound.region) changed.push('region');
    if (connection.customerId !== customerId) changed.push('customerId');
    if (before?.clientId !== outbound.clientId) changed.push('clientId');
    if (before?.username !== outbound.username) changed.push('username');
    if (form.clientSecret !== undefined) changed.push('clientSecret');
    if (form.hmacKey !== undefined) changed.push('hmacKey');
    return changed;
  }

  private async save(tenantId: string, actor: Actor, recorded: Record<string, unknown>, set: Partial<ConnectionDocument>): Promise<ConnectionDocument> {
    try {
      return await this.changes.saveWith(tenantId, actor, 'credentials.saved', recorded, (session) => this.connections.update(tenantId, { $set: set }, session));
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new AppException('CUSTOMER_ID_TAKEN', `iCIMS customer id ${set.customerId} is already connected to another tenant`, 'conflict', { fields: ['customerId'] });
      }
      throw error;
    }
  }
}

/** A tenant that connected to one customer moves to another only when the admin says so. */
function requireConfirmedCustomerChange(connection: ConnectionDocument, customerId: string | undefined, form: IcimsCredentialsDto): void {
  // Connections from before `linkedCustomerId` was kept: the customer they are connected to.
  const linked = connection.linkedCustomerId ?? (connection.status?.state === 'connected' ? connection.customerId : undefined);
  if (!linked || customerId === linked || form.confirmCustomerIdChange) return;
  throw new AppException(
    'CUSTOMER_ID_CHANGE_UNCONFIRMED',
    `this tenant's employees are linked to iCIMS customer ${linked}; moving to customer ${customerId} makes them look deleted to the next import. Send confirmCustomerIdChange: true to change it`,
    'conflict',
    { fields: ['customerId'], linkedCustomerId: linked },
  );
}
