import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, call, messageOf, type Schemas, type Settings } from '../api/client';
import { CONNECT_ADVICE } from '../format';
import { keys } from '../tenant-queries';

type Method = Schemas['IcimsCredentialsDto']['method'];
type Region = NonNullable<Schemas['IcimsCredentialsDto']['region']>;
type Field = 'customerId' | 'clientId' | 'clientSecret' | 'username' | 'hmacKey';

const FIELDS: Record<Method, { name: Field; label: string; secret?: boolean }[]> = {
  oauth2: [
    { name: 'customerId', label: 'Customer ID' },
    { name: 'clientId', label: 'Client ID' },
    { name: 'clientSecret', label: 'Client Secret', secret: true },
  ],
  hmac: [
    { name: 'customerId', label: 'Customer ID' },
    { name: 'username', label: 'Username' },
    { name: 'hmacKey', label: 'HMAC key', secret: true },
  ],
};

/** The connection form. A saved secret shows only its hint; left blank, it is kept. */
export function Credentials({ tenantId, settings }: { tenantId: string; settings: Settings }) {
  const saved = settings.credentials;
  const client = useQueryClient();
  const [method, setMethod] = useState<Method>(saved?.method ?? 'oauth2');
  const [region, setRegion] = useState<Region>(saved?.region ?? 'US');
  const [values, setValues] = useState<Record<Field, string>>({ customerId: saved?.customerId ?? '', clientId: saved?.clientId ?? '', username: saved?.username ?? '', clientSecret: '', hmacKey: '' });
  const [confirmMove, setConfirmMove] = useState(false);
  const savedSecret = saved?.method === method ? saved.secretHint : undefined;

  const complete = FIELDS[method].every(({ name, secret }) => values[name].trim() !== '' || (secret && savedSecret));
  const connect = useMutation({
    mutationFn: async () => {
      const body: Schemas['IcimsCredentialsDto'] = { method, region, ...(confirmMove ? { confirmCustomerIdChange: true } : {}) };
      for (const { name } of FIELDS[method]) if (values[name].trim()) body[name] = values[name].trim();
      client.setQueryData(keys.settings(tenantId), await call(api.PUT('/admin/tenants/{tenantId}/icims/credentials', { params: { path: { tenantId } }, body })));
      return call(api.POST('/admin/tenants/{tenantId}/icims/connect', { params: { path: { tenantId } } }));
    },
    onSuccess: () => setValues((current) => ({ ...current, clientSecret: '', hmacKey: '' })),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.settings(tenantId) });
      void client.invalidateQueries({ queryKey: keys.changes(tenantId) });
    },
  });
  const failed = connect.error instanceof ApiError ? connect.error : undefined;
  const result = connect.data;

  return (
    <section className="card" aria-labelledby="credentials-title">
      <h2 id="credentials-title">iCIMS credentials</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (complete) connect.mutate();
        }}
      >
        <fieldset>
          <legend>How icims-sync signs in to iCIMS</legend>
          {(['oauth2', 'hmac'] as const).map((option) => (
            <div className="check" key={option}>
              <input id={`method-${option}`} type="radio" name="method" value={option} checked={method === option} onChange={() => setMethod(option)} />
              <label htmlFor={`method-${option}`}>{option === 'oauth2' ? 'OAuth 2.0 (client credentials)' : 'HMAC'}</label>
            </div>
          ))}
        </fieldset>
        <label htmlFor="region">Region</label>
        <select id="region" value={region} onChange={(event) => setRegion(event.target.value as Region)}>
          <option value="US">United States</option>
          <option value="EU">Europe</option>
          <option value="CA">Canada</option>
        </select>
        {FIELDS[method].map(({ name, label, secret }) => (
          <div key={name}>
            <label htmlFor={`cred-${name}`}>{label}</label>
            <input
              id={`cred-${name}`}
              type={secret ? 'password' : 'text'}
              autoComplete={secret ? 'new-password' : 'off'}
              value={values[name]}
              aria-describedby={secret && savedSecret ? `cred-${name}-hint` : undefined}
              aria-invalid={failed?.fields.includes(name) || undefined}
              onChange={(event) => setValues({ ...values, [name]: event.target.value })}
            />
            {secret && savedSecret && (
              <p className="hint" id={`cred-${name}-hint`}>
                Saved ({savedSecret}). Leave blank to keep it.
              </p>
            )}
          </div>
        ))}
        {failed?.code === 'CUSTOMER_ID_CHANGE_UNCONFIRMED' && (
          <div className="check">
            <input id="confirm-move" type="checkbox" checked={confirmMove} onChange={(event) => setConfirmMove(event.target.checked)} />
            <label htmlFor="confirm-move">Yes, connect this company to the other iCIMS customer</label>
          </div>
        )}
        {failed && <p className="error" role="alert">{messageOf(failed)}</p>}
        {result && (
          <p className={result.status === 'connected' ? 'success' : 'error'} role={result.status === 'connected' ? 'status' : 'alert'} data-testid="connect-result">
            {result.status === 'connected' ? 'Connected to iCIMS.' : `Not connected: ${result.message}. ${CONNECT_ADVICE[result.reason ?? ''] ?? ''}`}
          </p>
        )}
        <button type="submit" className={complete ? 'primary' : 'secondary'} disabled={!complete || connect.isPending}>
          {connect.isPending ? 'Connecting…' : 'Connect'}
        </button>
        {!complete && <p className="hint">Fill every field to connect.</p>}
      </form>
    </section>
  );
}
