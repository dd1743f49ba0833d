import type { Settings } from '../api/client';
import { AfterConnect } from './AfterConnect';
import { Consent } from './Consent';
import { Credentials } from './Credentials';

/** The seeds' walk-through, in order: consent, credentials and Connect, then what follows. */
export function ConnectionTab({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  const connected = settings.connection.state === 'connected' || settings.connection.state === 'owner_invalid';
  return (
    <>
      <Consent tenantId={tenantId} settings={settings} />
      {settings.consent && <Credentials tenantId={tenantId} settings={settings} />}
      {connected && <AfterConnect tenantId={tenantId} settings={settings} />}
    </>
  );
}
