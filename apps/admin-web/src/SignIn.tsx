import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, messageOf } from './api/client';
import { useSession } from './session';

/** Development: any HR sandbox user by tenant and user id. Production: the HR system signs admins in. */
export function SignIn() {
  const { signIn, notice } = useSession();
  const options = useQuery({ queryKey: ['sign-in-options'], queryFn: () => call(api.GET('/admin/sign-in-options')) });
  const [tenantId, setTenantId] = useState('');
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { accessToken } = await call(api.POST('/admin/dev-sign-in', { body: { tenantId: tenantId.trim(), userId: userId.trim() } }));
      await signIn(accessToken);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      {notice && <p className="notice" role="status">{notice}</p>}
      {options.isError && <p className="error" role="alert">{messageOf(options.error)}</p>}
      {options.data && !options.data.devSignIn && <p>Open this page from your HR system: Settings › Integrations › iCIMS. It signs you in.</p>}
      {options.data?.devSignIn && (
        <form onSubmit={submit}>
          <p className="hint">Development sign-in: any user of the HR sandbox.</p>
          <label htmlFor="sign-in-tenant">Tenant id</label>
          <input id="sign-in-tenant" value={tenantId} onChange={(event) => setTenantId(event.target.value)} autoComplete="organization" required />
          <label htmlFor="sign-in-user">User id</label>
          <input id="sign-in-user" value={userId} onChange={(event) => setUserId(event.target.value)} autoComplete="username" required />
          {error && <p className="error" role="alert">{error}</p>}
          <button type="submit" className="primary" disabled={busy || !tenantId.trim() || !userId.trim()}>
            Sign in
          </button>
        </form>
      )}
    </section>
  );
}
