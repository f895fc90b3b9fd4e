import { useEffect } from 'react';
import type { SessionInfo } from '@core';
import { asApiError, isLocalMode, storage, whoami, type ApiError } from '@/api';
import { createStore, useStore } from './store';

interface SessionState {
  readonly session: SessionInfo | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
}
const state = createStore<SessionState>({ session: null, error: null, loading: false });
let inflight: Promise<SessionInfo | null> | null = null;

/** Loads who the caller is, once per app run unless asked again. */
export function loadSession(force = false): Promise<SessionInfo | null> {
  if (inflight) return inflight;
  const current = state.get();
  if (current.session && !force) return Promise.resolve(current.session);
  state.set({ ...current, loading: true, error: null });
  inflight = whoami()
    .then((session) => {
      state.set({ session, error: null, loading: false });
      return session;
    })
    .catch((e: unknown) => {
      state.set({ session: null, error: asApiError(e), loading: false });
      return null;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/** Forgets the session (the H5 tester picked another demo user). */
export const clearSession = (): void => state.set({ session: null, error: null, loading: false });

/** The caller's session: roles, households, teams, compounds. */
export function useSession(): SessionState & { reload: () => void } {
  const s = useStore(state);
  useEffect(() => {
    // In local H5 mode nobody is signed in until a demo user is picked.
    if (!s.session && !s.loading && !s.error && !(isLocalMode && !storage.getDevUser())) void loadSession();
  }, [s.session, s.loading, s.error]);
  return { ...s, reload: () => void loadSession(true) };
}
