import { Injectable } from '@nestjs/common';
import { HiredStatusesDto, IcimsSettingsView, TogglesDto } from '@icims-sync/contracts';
import { InvalidInputException } from '@icims-sync/platform';
import { ConnectionRepository } from '../../connections/connection.repository';
import { Actor } from '../actor.decorator';
import { ConfigChangeRepository } from '../config-change.repository';
import { EnabledConnections } from '../enabled-connections.service';
import { GetIcimsSettingsUseCase } from './get-icims-settings.usecase';

/** The automatic import/export toggles and the statuses that mean "hired". */
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
}
