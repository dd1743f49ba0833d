import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, call, token, type Schemas } from './api/client';

export type Session = Schemas['SessionResponse'];

interface SessionState {
  session?: Session;
  notice?: string;
  signIn: (accessToken: string) => Promise<void>;
  signOut: (notice?: string) => void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/**
 * The HR system opens this page as /ui/#access_token=<its JWT>: the token is taken into
 * memory and wiped from the address bar (a fragment never reaches any server).
 */
export function takeTokenFromAddress(): string | undefined {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('access_token') ?? undefined;
  if (fromFragment) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return fromFragment;
}

export function SessionProvider({ children, tokenFromAddress }: { children: ReactNode; tokenFromAddress?: string }) {
  const [session, setSession] = useState<Session | null>();
  const [notice, setNotice] = useState<string>();
  // The HR system's token, checked once: who it says the admin is.
  const fromAddress = useQuery({
    queryKey: ['session-from-address'],
    queryFn: () => {
      token.set(tokenFromAddress!);
      return call(api.GET('/admin/session'));
    },
    enabled: Boolean(tokenFromAddress),
    retry: false,
    staleTime: Infinity,
  });

  const queries = useQueryClient();
  // Nothing of one sign-in is shown to the next.
  const signOut = useCallback(
    (reason?: string) => {
      token.clear();
      queries.clear();
      setSession(null);
      setNotice(reason);
    },
    [queries],
  );

  const signIn = useCallback(async (accessToken: string) => {
    token.set(accessToken);
    try {
      setSession(await call(api.GET('/admin/session')));
      setNotice(undefined);
    } catch (error) {
      token.clear();
      throw error;
    }
  }, []);

  useEffect(() => token.onSignedOut(signOut), [signOut]);

  // null: signed out since (the address's token is not used again).
  const current = session === null ? undefined : (session ?? fromAddress.data);
  const shownNotice = notice ?? (fromAddress.isError ? 'The sign-in your HR system passed is invalid or has expired. Open this page from your HR system again.' : undefined);
  return <SessionContext.Provider value={{ session: current, notice: shownNotice, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
