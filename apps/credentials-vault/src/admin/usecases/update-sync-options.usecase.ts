import { Injectable } from '@nestjs/common';
import { FieldIdsDto, HiredStatusesDto, IcimsSettingsView, TogglesDto } from '@icims-sync/contracts';
import { DEFAULT_ICIMS_FIELD_IDS, resolveFieldIds } from '@icims-sync/mapping';
import { InvalidInputException } from '@icims-sync/platform';
import { ConnectionRepository } from '../../connections/connection.repository';
import { Actor } from '../actor.decorator';
import { ConfigChangeRepository } from '../config-change.repository';
import { EnabledConnections } from '../enabled-connections.service';
import { GetIcimsSettingsUseCase } from './get-icims-settings.usecase';

/** The automatic import/export toggles, the statuses that mean "hired", and the tenant's iCIMS field ids. */
@Injectable()
export class UpdateSyncOptionsUseCase {
  constructor(
    private readonly enabled: EnabledConnections,
    private readonly connections: ConnectionRepository,
    private readonly changes: ConfigChangeRepository,
    private readonly settings: GetIcimsSettingsUseCase,
  ) {}

  async setToggles(tenantId: string, actor: Actor, toggles: TogglesDto): Promise<IcimsSettingsView> {
    const given = Object.fromEntries(Object.entries(toggles).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length === 0) throw new InvalidInputException('NOTHING_TO_CHANGE', 'give autoImport, autoExport or both', { fields: ['autoImport', 'autoExport'] });
    await this.enabled.load(tenantId);
    const set = Object.fromEntries(Object.entries(given).map(([name, value]) => [`toggles.${name}`, value]));
    const saved = await this.changes.saveWith(tenantId, actor, 'toggles.set', given, (session) => this.connections.update(tenantId, { $set: set }, session));
    return this.settings.viewOf(saved);
  }

  async setHiredStatuses(tenantId: string, actor: Actor, body: HiredStatusesDto): Promise<IcimsSettingsView> {
    await this.enabled.load(tenantId);
    const statusIds = [...new Set(body.statusIds)];
    const saved = await this.changes.saveWith(tenantId, actor, 'hired_statuses.set', { hiredStatusIds: statusIds }, (session) =>
      this.connections.update(tenantId, { $set: { hiredStatusIds: statusIds } }, session),
    );
    return this.settings.viewOf(saved);
  }

  async setFieldIds(tenantId: string, actor: Actor, body: FieldIdsDto): Promise<IcimsSettingsView> {
    const connection = await this.enabled.load(tenantId);
    const unknown = Object.keys(body.fieldIds).filter((name) => !(name in DEFAULT_ICIMS_FIELD_IDS));
    if (unknown.length > 0) throw new InvalidInputException('INVALID_FIELD_IDS', `unknown synced field(s) ${unknown.join(', ')}; the names are ${Object.keys(DEFAULT_ICIMS_FIELD_IDS).join(', ')}`, { fields: unknown });
    const overrides: Record<string, string> = { ...connection.fieldIds };
    for (const [name, fieldId] of Object.entries(body.fieldIds)) {
      if (fieldId === null) delete overrides[name];
      else overrides[name] = fieldId;
    }
    const resolved = resolveFieldIds(overrides);
    if (!resolved.ok) {
      throw new InvalidInputException('INVALID_FIELD_IDS', `${resolved.invalid.join(', ')}: an iCIMS field id is lowercase letters, digits and underscores, starting with a letter (such as customfield1234)`, { fields: resolved.invalid });
    }
    const saved = await this.changes.saveWith(tenantId, actor, 'field_ids.set', body.fieldIds, (session) => this.connections.update(tenantId, { $set: { fieldIds: overrides } }, session));
    return this.settings.viewOf(saved);
  }
}
