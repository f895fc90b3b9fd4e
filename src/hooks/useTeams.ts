import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Role, TeamView } from '@core';
import { asApiError, listTeams, type ApiError } from '@/api';

/** Roles the server shows the team list to. */
const SEES_TEAMS: readonly Role[] = ['dispatcher', 'supervisor'];

/** Service teams with members' duty and load (dispatcher, supervisor); nothing for other roles. */
export function useTeams(role: Role) {
  const allowed = SEES_TEAMS.includes(role);
  const [teams, setTeams] = useState<readonly TeamView[]>([]);
  const [loading, setLoading] = useState(allowed);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    if (!allowed) return;
    setLoading(true);
    setError(null);
    try {
      setTeams((await listTeams(role)).teams);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setLoading(false);
    }
  }, [role, allowed]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Team and member names by id, for the timeline. */
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const t of teams) {
      m.set(t.id, t.name);
      for (const w of t.members) m.set(w.id, w.name);
    }
    return m as ReadonlyMap<string, string>;
  }, [teams]);

  return { teams, names, loading, error, reload };
}
