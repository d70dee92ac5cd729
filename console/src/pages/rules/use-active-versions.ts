import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { RuleSetVersionRow, VersionList } from './rule-types';

export type ActiveVersions = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; byKind: Map<string, RuleSetVersionRow | undefined> };

/**
 * The active version row (published at/by, reason) of each rule set. The overview endpoint does
 * not carry it, so the version lists are read in parallel (one small request per rule set).
 */
export function useActiveVersions(kinds: string[] | null, generation: number): ActiveVersions {
  const [result, setResult] = useState<ActiveVersions>({ state: 'loading' });
  const key = kinds?.join(',') ?? null;
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setResult({ state: 'loading' });
    Promise.all(key.split(',').map((kind) => api.get<VersionList>(`/rule-sets/${encodeURIComponent(kind)}/versions`))).then(
      (lists) => live && setResult({ state: 'ready', byKind: new Map(lists.map((l) => [l.kind, l.versions.find((v) => v.version === l.activeVersion)])) }),
      (error: Error) => live && setResult({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [key, generation]);
  return result;
}
