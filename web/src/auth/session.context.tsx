// Session state for the whole app: who is signed in, sign-in/out, and reacting to an ended session.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginBody, SessionUser } from '@toc/server/schemas';
import { fetchMe, login as postLogin, logout as postLogout } from '../api/auth.api';
import { onUnauthorized } from '../api/http.client';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; user: SessionUser };

export interface Session {
  state: SessionState;
  login(body: LoginBody): Promise<void>;
  logout(): Promise<void>;
  /** Re-checks the session (e.g. after the socket was refused); signs out if it has ended. */
  verify(): Promise<void>;
  /** The user replaced a temporary password: the app opens. */
  passwordChanged(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    const abort = new AbortController();
    fetchMe(abort.signal)
      .then((user) => setState(user ? { status: 'signed-in', user } : { status: 'signed-out', expired: false }))
      .catch(() => {
        if (!abort.signal.aborted) setState({ status: 'signed-out', expired: false });
      });
    const unsubscribe = onUnauthorized(() => setState({ status: 'signed-out', expired: true }));
    return () => {
      abort.abort();
      unsubscribe();
    };
  }, []);

  const login = useCallback(async (body: LoginBody) => {
    const reply = await postLogin(body);
    setState({ status: 'signed-in', user: reply.user });
  }, []);

  const logout = useCallback(async () => {
    try {
      await postLogout();
    } finally {
      setState({ status: 'signed-out', expired: false });
    }
  }, []);

  const verify = useCallback(async () => {
    try {
      const user = await fetchMe();
      if (!user) setState({ status: 'signed-out', expired: true });
    } catch {
      // Server unreachable: keep the session; the connection banner already says so.
    }
  }, []);

  const passwordChanged = useCallback(() => {
    setState((current) => (current.status === 'signed-in' ? { ...current, user: { ...current.user, mustChangePassword: false } } : current));
  }, []);

  const session = useMemo(
    () => ({ state, login, logout, verify, passwordChanged }),
    [state, login, logout, verify, passwordChanged],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
