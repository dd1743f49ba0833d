import { EventPublisher, MetricsService, ProcessedEventRepository } from '@icims-sync/platform';
import { mock } from '@icims-sync/testing';
import { ReceiveIcimsEventUseCase } from './receive-icims-event.usecase';
import { SenderRateLimit } from './sender-rate-limit';
import { VaultInboundClient } from './vault-inbound.client';

const body = { eventType: 'WorkFlowStatusChangeEvent', customerId: '6268', systemId: '1479', personId: '1930', jobId: '1181', newStatus: 'C40000' };
const received = { pathAndQuery: '/webhooks/icims', headers: { authorization: 'Basic x' }, rawBody: Buffer.from(JSON.stringify(body)), body };
const verdict = (hiredStatusIds: string[], kept?: true) => ({ tenantId: 'acme', profile: 'hrcloud' as const, hiredStatusIds, ...(kept ? { kept } : {}) });

describe(ReceiveIcimsEventUseCase.name, () => {
  let vault: ReturnType<typeof mock<VaultInboundClient>>;
  let sut: ReceiveIcimsEventUseCase;

  beforeEach(() => {
    vault = mock<VaultInboundClient>();
    const processed = mock<ProcessedEventRepository>();
    processed.isProcessed.mockResolvedValue(false);
    sut = new ReceiveIcimsEventUseCase(vault, mock<EventPublisher>(), processed, new MetricsService(), mock<SenderRateLimit>());
  });

  it('asks the vault afresh before ignoring a status on the word of a kept verdict (a status marked hired seconds ago)', async () => {
    vault.verify.mockResolvedValueOnce(verdict(['C38353'], true)).mockResolvedValueOnce(verdict(['C38353', 'C40000']));

    expect(await sut.execute(received)).toMatchObject({ status: 'accepted' });
    expect(vault.verify.mock.calls.map((call) => call[4])).toEqual([undefined, { fresh: true }]);
  });

  it('ignores a status a fresh verdict does not mark as hired, asking once', async () => {
    vault.verify.mockResolvedValueOnce(verdict(['C38353']));

    expect(await sut.execute(received)).toEqual({ status: 'ignored', reason: 'status C40000 is not marked as hired' });
    expect(vault.verify).toHaveBeenCalledTimes(1);
  });
});
