import { useState } from 'react';
import { api, call, messageOf, type Settings } from '../api/client';
import { when } from '../format';
import { useSettingsChange } from '../tenant-queries';

export function Consent({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  const [ticked, setTicked] = useState(false);
  const accept = useSettingsChange(tenantId, () => call(api.PUT('/admin/tenants/{tenantId}/icims/consent', { params: { path: { tenantId } }, body: { accepted: true } })));

  return (
    <section className="card" aria-labelledby="consent-title">
      <h2 id="consent-title">Privacy policy</h2>
      {settings.consent ? (
        <p data-testid="consent-accepted">
          Accepted by {settings.consent.displayName} at {when(settings.consent.acceptedAt)}.
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            accept.mutate(undefined);
          }}
        >
          <p>icims-sync copies candidate and employee data, SSN and date of birth included, between iCIMS and your HR system. Read the privacy policy before you connect.</p>
          <div className="check">
            <input id="consent-box" type="checkbox" checked={ticked} onChange={(event) => setTicked(event.target.checked)} />
            <label htmlFor="consent-box">I have read and accept the privacy policy for the iCIMS integration</label>
          </div>
          {accept.isError && <p className="error" role="alert">{messageOf(accept.error)}</p>}
          <button type="submit" className="primary" disabled={!ticked || accept.isPending}>
            Save
          </button>
        </form>
      )}
    </section>
  );
}
