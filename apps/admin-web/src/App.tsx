import { IntegrationPage } from './IntegrationPage';
import { SignIn } from './SignIn';
import { useSession } from './session';

export function App() {
  const { session, signOut } = useSession();
  return (
    <>
      <header className="top">
        <p className="crumbs">
          Settings <span aria-hidden="true">›</span> Integrations <span aria-hidden="true">›</span> <strong>iCIMS</strong>
        </p>
        {session && (
          <p className="who">
            {session.displayName} · {session.tenantId}{' '}
            <button type="button" className="link" onClick={() => signOut()}>
              Sign out
            </button>
          </p>
        )}
      </header>
      <main>
        <h1>iCIMS integration</h1>
        {session ? <IntegrationPage tenantId={session.tenantId} /> : <SignIn />}
      </main>
    </>
  );
}
