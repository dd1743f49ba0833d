import { useState } from 'react';
import { ApiError, messageOf } from './api/client';
import { ConnectionTab } from './sections/ConnectionTab';
import { FieldMapping } from './sections/FieldMapping';
import { History } from './sections/History';
import { ImportTab } from './sections/ImportTab';
import { StatusPanel } from './sections/StatusPanel';
import { Tabs } from './Tabs';
import { Timeline } from './sections/Timeline';
import { useSettings } from './tenant-queries';

const TABS = ['Connection', 'Import', 'Field mapping', 'Sync history', 'Settings timeline'] as const;
type Tab = (typeof TABS)[number];

export function IntegrationPage({ tenantId }: { tenantId: string }) {
  const settings = useSettings(tenantId);
  const [tab, setTab] = useState<Tab>('Connection');

  if (settings.isPending) return <p role="status">Loading the iCIMS settings…</p>;
  if (settings.isError) {
    const error = settings.error;
    if (error instanceof ApiError && error.code === 'INTEGRATION_NOT_ENABLED') return <IntegrationOff />;
    return (
      <section className="card" aria-labelledby="refused-title">
        <h2 id="refused-title">{error instanceof ApiError && error.status === 403 ? 'You cannot manage this integration' : 'The settings could not be loaded'}</h2>
        <p role="alert" className="error">{messageOf(error)}</p>
      </section>
    );
  }

  const connected = settings.data.connection.state === 'connected' || settings.data.connection.state === 'owner_invalid';
  return (
    <>
      <StatusPanel tenantId={tenantId} settings={settings.data} />
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="iCIMS integration sections">
        {tab === 'Connection' && <ConnectionTab tenantId={tenantId} settings={settings.data} />}
        {tab === 'Import' && <ImportTab tenantId={tenantId} connected={connected} />}
        {tab === 'Field mapping' && <FieldMapping tenantId={tenantId} />}
        {tab === 'Sync history' && <History tenantId={tenantId} />}
        {tab === 'Settings timeline' && <Timeline tenantId={tenantId} />}
      </Tabs>
    </>
  );
}

/** The operator has not turned the integration on for this company: no tile, and who can. */
function IntegrationOff() {
  return (
    <section className="card" aria-labelledby="off-title">
      <h2 id="off-title">The iCIMS integration is not available for your company</h2>
      <p>It is turned on by the people who run icims-sync for your company (your HR system's support or platform team), not in these settings. Ask them to enable iCIMS for your tenant; this page then shows the integration.</p>
    </section>
  );
}
