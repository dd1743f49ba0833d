/* eslint-disable no-console -- a command-line tool talks to its terminal. */
import { parseArgs } from 'node:util';
import { ICIMS_REGIONS, INBOUND_METHODS, IcimsRegion, InboundMethod, PROFILES, TENANT_ID_PATTERN } from '@icims-sync/contracts';
import { isDuplicateKey } from '@icims-sync/platform';
import { ConnectionRepository } from '../connections/connection.repository';
import { generateInboundMaterial } from '../connections/inbound-material';
import { VaultSecrets, hintOf } from '../connections/vault-secrets.service';
import { openVaultContext } from './vault-cli.context';

const USAGE = `usage: npm run vault:tenant -- --tenant <id> [options]
HR admins configure their tenant through the admin API; this is the operator's side.
  --enable | --disable           the platform operator's flag for this tenant
  --profile hrcloud|namely
  --customer-id <digits>         the tenant's iCIMS customer id
  --region US|EU|CA
  --outbound oauth2 --client-id <id>      client secret read from ICIMS_CLIENT_SECRET
  --outbound hmac --username <name>       HMAC key read from ICIMS_HMAC_KEY
  --inbound basic|hmac|oauth     generate how iCIMS authenticates to us (printed once)
  --hired <status,status>        iCIMS status ids that mean "hired"
Secrets come from env, never from flags (flags end up in shell history and ps).`;

function fail(message: string): never {
  console.error(`vault tenant: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Operator command: create or change a tenant's connection until (and beside) the admin UI. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      enable: { type: 'boolean' },
      disable: { type: 'boolean' },
      profile: { type: 'string' },
      'customer-id': { type: 'string' },
      region: { type: 'string', default: 'US' },
      outbound: { type: 'string' },
      'client-id': { type: 'string' },
      username: { type: 'string' },
      inbound: { type: 'string' },
      hired: { type: 'string' },
    },
  });
  const tenantId = values.tenant ?? fail('--tenant is required');
  if (!TENANT_ID_PATTERN.test(tenantId)) fail('--tenant must be lowercase letters, digits and dashes');
  if (values.enable && values.disable) fail('--enable and --disable exclude each other');
  if (values.profile && !PROFILES.includes(values.profile as (typeof PROFILES)[number])) fail('--profile must be hrcloud or namely');
  if (values['customer-id'] && !/^\d{1,20}$/.test(values['customer-id'])) fail('--customer-id must be digits');
  if (!ICIMS_REGIONS.includes(values.region as IcimsRegion)) fail('--region must be US, EU or CA');
  if (values.inbound && !INBOUND_METHODS.includes(values.inbound as InboundMethod)) fail('--inbound must be basic, hmac or oauth');

  const { app } = await openVaultContext('vault tenant');
  try {
    const secrets = app.get(VaultSecrets);
    const set: Record<string, unknown> = {};
    if (values.enable || values.disable) set.enabled = !!values.enable;
    if (values.profile) set.profile = values.profile;
    if (values['customer-id']) set.customerId = values['customer-id'];
    if (values.hired) set.hiredStatusIds = values.hired.split(',').map((status) => status.trim()).filter(Boolean);
    if (values.outbound) set.outbound = outboundFrom(tenantId, values, secrets);
    let shown: Record<string, string> | undefined;
    if (values.inbound) {
      const method = values.inbound as InboundMethod;
      const { identity, secret } = generateInboundMaterial(tenantId, method);
      set.inbound = { method, identity, secret: secrets.seal(tenantId, 'inbound.secret', secret), createdAt: new Date() };
      shown = method === 'basic' ? { method, username: identity, password: secret } : method === 'hmac' ? { method, username: identity, hmacKey: secret } : { method, clientId: identity, clientSecret: secret };
    }
    const saved = await app.get(ConnectionRepository).update(tenantId, { $set: set });
    console.log(JSON.stringify({ tenantId, enabled: saved.enabled, profile: saved.profile, customerId: saved.customerId, hiredStatusIds: saved.hiredStatusIds, outbound: saved.outbound && { method: saved.outbound.method, region: saved.outbound.region, secretHint: saved.outbound.secretHint } }));
    if (shown) console.log(`inbound credentials for iCIMS (shown once, store them in iCIMS now): ${JSON.stringify(shown)}`);
  } catch (error) {
    if (isDuplicateKey(error)) fail(`customer id ${values['customer-id']} already belongs to another tenant`);
    throw error;
  } finally {
    await app.close();
  }
}

function outboundFrom(tenantId: string, values: Record<string, string | boolean | undefined>, secrets: VaultSecrets) {
  const region = values.region as IcimsRegion;
  if (values.outbound === 'oauth2') {
    const secret = process.env.ICIMS_CLIENT_SECRET ?? fail('--outbound oauth2 needs ICIMS_CLIENT_SECRET in the environment');
    if (!values['client-id']) fail('--outbound oauth2 needs --client-id');
    return { method: 'oauth2', region, clientId: values['client-id'], secret: secrets.seal(tenantId, 'outbound.secret', secret), secretHint: hintOf(secret) };
  }
  if (values.outbound === 'hmac') {
    const secret = process.env.ICIMS_HMAC_KEY ?? fail('--outbound hmac needs ICIMS_HMAC_KEY in the environment');
    if (!values.username) fail('--outbound hmac needs --username');
    return { method: 'hmac', region, username: values.username, secret: secrets.seal(tenantId, 'outbound.secret', secret), secretHint: hintOf(secret) };
  }
  return fail('--outbound must be oauth2 or hmac');
}

main().catch((error: Error) => {
  console.error(`vault tenant: ${error.message}`);
  process.exit(1);
});
