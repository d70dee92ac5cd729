import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Loadable } from '../../api/use-api';
import type { List, TeamAssignment } from './account-types';

export interface TeamMember {
  role: string;
  personId: string;
  name: string;
  since: string;
}

const ROLE_ORDER = ['account_lead', 'executive_sponsor', 'delivery_lead', 'specialist'];

/** The firm's current team on the account (assignments running today), with people's names. */
export function useTeam(accountId: string): Loadable<TeamMember[]> {
  const [result, setResult] = useState<Loadable<TeamMember[]>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const today = new Date().toISOString().slice(0, 10);
    (async () => {
      const assignments = await api.get<List<TeamAssignment>>(`/team-assignments?accountId=${encodeURIComponent(accountId)}&limit=500`, controller.signal);
      const current = assignments.items.filter((a) => a.fromDate <= today && (!a.toDate || a.toDate >= today));
      // A handful of people per account: one request each beats loading the whole firm's roster.
      const ids = [...new Set(current.map((a) => a.personId))];
      const people = await Promise.all(ids.map((id) => api.get<{ id: string; name: string }>(`/people/${id}`, controller.signal)));
      const names = new Map(people.map((p) => [p.id, p.name]));
      return current
        .map((a) => ({ role: a.role, personId: a.personId, name: names.get(a.personId) ?? 'unknown person', since: a.fromDate }))
        .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    })().then(
      (data) => setResult({ state: 'ready', data }),
      (error: Error) => {
        if (!controller.signal.aborted) setResult({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [accountId]);
  return result;
}
