import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, messageOf, type Schemas, type Settings } from '../api/client';
import { when } from '../format';
import { useSettingsChange } from '../tenant-queries';

/** Once connected: who owns the connection, what runs automatically, how iCIMS calls us, and which statuses mean hired. */
export function AfterConnect({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  return (
    <>
      <Owner tenantId={tenantId} settings={settings} />
      <Toggles tenantId={tenantId} settings={settings} />
      <HiredStatuses tenantId={tenantId} settings={settings} />
      <InboundAuth tenantId={tenantId} settings={settings} />
    </>
  );
}

const path = (tenantId: string) => ({ params: { path: { tenantId } } });

function Owner({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  const candidates = useQuery({ queryKey: ['owner-candidates', tenantId], queryFn: () => call(api.GET('/admin/tenants/{tenantId}/icims/owner-candidates', path(tenantId))) });
  const [chosen, setChosen] = useState(settings.owner?.userId ?? '');
  const save = useSettingsChange(tenantId, (userId: string) => call(api.PUT('/admin/tenants/{tenantId}/icims/owner', { ...path(tenantId), body: { userId } })));
  return (
    <section className="card" aria-labelledby="owner-title">
      <h2 id="owner-title">Connection owner</h2>
      <p className="hint">Automatic import and export run on behalf of this HR admin; they pause if the owner leaves or loses the role.</p>
      {settings.owner && !settings.owner.valid && <p className="error" role="alert">{settings.owner.message}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(chosen);
        }}
      >
        <label htmlFor="owner">Owner</label>
        <select id="owner" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="">Choose an HR admin</option>
          {candidates.data?.map((candidate) => (
            <option key={candidate.userId} value={candidate.userId} disabled={!candidate.eligible}>
              {candidate.displayName}
              {candidate.eligible ? '' : ` (${candidate.reason ?? 'not eligible'})`}
            </option>
          ))}
        </select>
        {(save.isError || candidates.isError) && <p className="error" role="alert">{messageOf(save.error ?? candidates.error)}</p>}
        <button type="submit" className="primary" disabled={!chosen || chosen === settings.owner?.userId || save.isPending}>
          Save owner
        </button>
      </form>
    </section>
  );
}

function Toggles({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  const save = useSettingsChange(tenantId, (body: Schemas['TogglesDto']) => call(api.PUT('/admin/tenants/{tenantId}/icims/toggles', { ...path(tenantId), body })));
  // While a change is saving the box shows it already; on failure it falls back to the saved value.
  const shown = { ...settings.toggles, ...(save.isPending ? save.variables : {}) };
  return (
    <section className="card" aria-labelledby="toggles-title">
      <h2 id="toggles-title">Automatic sync</h2>
      <div className="check">
        <input id="auto-import" type="checkbox" checked={shown.autoImport} disabled={save.isPending} onChange={(event) => save.mutate({ autoImport: event.target.checked })} />
        <label htmlFor="auto-import">Automatic import from iCIMS (hires at once, and every night)</label>
      </div>
      <div className="check">
        <input id="auto-export" type="checkbox" checked={shown.autoExport} disabled={save.isPending} onChange={(event) => save.mutate({ autoExport: event.target.checked })} />
        <label htmlFor="auto-export">Automatic export to iCIMS (each time an employee is saved)</label>
      </div>
      {save.isError && <p className="error" role="alert">{messageOf(save.error)}</p>}
    </section>
  );
}

function HiredStatuses({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  const [text, setText] = useState(settings.hiredStatusIds.join(', '));
  const save = useSettingsChange(tenantId, (statusIds: string[]) => call(api.PUT('/admin/tenants/{tenantId}/icims/hired-statuses', { ...path(tenantId), body: { statusIds } })));
  const ids = text.split(',').map((id) => id.trim()).filter(Boolean);
  return (
    <section className="card" aria-labelledby="hired-title">
      <h2 id="hired-title">Hired statuses</h2>
      {settings.hiredStatusIds.length === 0 && (
        <p className="warning" role="status">
          No hired status is set: every hire webhook is ignored until you name the iCIMS workflow statuses that mean hired.
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(ids);
        }}
      >
        <label htmlFor="hired-statuses">iCIMS status ids that mean hired (comma-separated)</label>
        <input id="hired-statuses" value={text} onChange={(event) => setText(event.target.value)} placeholder="C12345, C23456" />
        {save.isError && <p className="error" role="alert">{messageOf(save.error)}</p>}
        <button type="submit" className="primary" disabled={save.isPending || ids.join() === settings.hiredStatusIds.join()}>
          Save statuses
        </button>
      </form>
    </section>
  );
}

/** The webhook credential iCIMS uses; its secret is shown once, right after it is made. */
function InboundAuth({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  const [method, setMethod] = useState<Schemas['InboundAuthDto']['method']>(settings.inbound?.method ?? 'basic');
  const [copied, setCopied] = useState(false);
  const generate = useMutation({ mutationFn: () => call(api.POST('/admin/tenants/{tenantId}/icims/inbound-auth', { ...path(tenantId), body: { method } })) });
  const material = generate.data;
  const copy = async () => {
    if (!material) return;
    await navigator.clipboard.writeText(material.secret);
    setCopied(true);
  };
  return (
    <section className="card" aria-labelledby="inbound-title">
      <h2 id="inbound-title">Webhook authentication</h2>
      <p className="hint">
        iCIMS calls <code>{window.location.origin}/webhooks/icims</code> with this credential.
        {settings.inbound && ` Current: ${settings.inbound.method}, ${settings.inbound.identity}, made ${when(settings.inbound.createdAt)}.`}
      </p>
      <label htmlFor="inbound-method">Method</label>
      <select id="inbound-method" value={method} onChange={(event) => setMethod(event.target.value as typeof method)}>
        <option value="basic">Basic (username and password)</option>
        <option value="hmac">HMAC signature</option>
        <option value="oauth">OAuth 2.0 (client credentials)</option>
      </select>
      {generate.isError && <p className="error" role="alert">{messageOf(generate.error)}</p>}
      <button type="button" className="secondary" onClick={() => generate.mutate()} disabled={generate.isPending}>
        {settings.inbound ? 'Replace the credential' : 'Generate a credential'}
      </button>
      {material && (
        <div className="once" role="status">
          <p>Store this in iCIMS now: it is not shown again.</p>
          <dl className="facts">
            <div>
              <dt>{material.method === 'oauth' ? 'Client id' : 'Username'}</dt>
              <dd>
                <code>{material.identity}</code>
              </dd>
            </div>
            <div>
              <dt>{material.method === 'basic' ? 'Password' : material.method === 'hmac' ? 'HMAC key' : 'Client secret'}</dt>
              <dd>
                <code data-testid="inbound-secret">{material.secret}</code>{' '}
                <button type="button" className="secondary" onClick={() => void copy()}>
                  {copied ? 'Copied' : 'Copy'}
                </button>
              </dd>
            </div>
            {material.tokenPath && (
              <div>
                <dt>Token URL</dt>
                <dd>
                  <code>{window.location.origin + material.tokenPath}</code>
                </dd>
              </div>
            )}
          </dl>
        </div>
      )}
    </section>
  );
}
