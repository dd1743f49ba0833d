import { Injectable } from '@nestjs/common';
import { InboundMaterialView, InboundMethod } from '@icims-sync/contracts';
import { ConnectionRepository } from '../../connections/connection.repository';
import { generateInboundMaterial } from '../../connections/inbound-material';
import { VaultSecrets } from '../../connections/vault-secrets.service';
import { Actor } from '../actor.decorator';
import { ConfigChangeRepository, SECRET_CHANGED } from '../config-change.repository';
import { EnabledConnections } from '../enabled-connections.service';

export const WEBHOOK_PATH = '/webhooks/icims';
export const INBOUND_TOKEN_PATH = '/webhooks/oauth/token';

/**
 * How iCIMS authenticates to us: fresh material, sealed at once and shown this one time.
 * Generating again replaces the old material (that is how it is rotated).
 */
@Injectable()
export class GenerateInboundAuthUseCase {
  constructor(
    private readonly enabled: EnabledConnections,
    private readonly connections: ConnectionRepository,
    private readonly secrets: VaultSecrets,
    private readonly changes: ConfigChangeRepository,
  ) {}

  async execute(tenantId: string, actor: Actor, method: InboundMethod): Promise<InboundMaterialView> {
    await this.enabled.load(tenantId);
    const { identity, secret } = generateInboundMaterial(tenantId, method);
    const inbound = { method, identity, secret: this.secrets.seal(tenantId, 'inbound.secret', secret), createdAt: new Date() };
    await this.changes.saveWith(tenantId, actor, 'inbound.generated', { method, identity, secret: SECRET_CHANGED }, (session) => this.connections.update(tenantId, { $set: { inbound } }, session));
    return { method, identity, secret, webhookPath: WEBHOOK_PATH, ...(method === 'oauth' ? { tokenPath: INBOUND_TOKEN_PATH } : {}) };
  }
}
