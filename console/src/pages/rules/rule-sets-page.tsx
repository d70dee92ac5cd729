import { useState } from 'react';
import { useApi } from '../../api/use-api';
import { useSession } from '../../auth/session-context';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/status';
import { Link } from '../../router';
import { RuleSetList } from './rule-set-list';
import type { RuleSetSummary } from './rule-types';
import { useActiveVersions } from './use-active-versions';
import './rules.css';

/** `/rules`: every rule set of the firm (core and plugin packs) with its active version and drafts. */
export function RuleSetsPage() {
  const overview = useApi<{ ruleSets: RuleSetSummary[] }>('/rule-sets');
  const mayAuthor = useSession().can('rules.author');
  const [generation, setGeneration] = useState(0);
  const ruleSets = overview.state === 'ready' ? overview.data.ruleSets : null;
  const active = useActiveVersions(ruleSets?.map((r) => r.kind) ?? null, generation);
  const core = ruleSets?.filter((r) => !r.plugin) ?? [];
  const packs = (ruleSets?.filter((r) => r.plugin) ?? []).sort((a, b) => a.kind.localeCompare(b.kind));
  const drafts = ruleSets?.reduce((n, r) => n + r.drafts.length, 0) ?? 0;
  return (
    <Page title="Rule sets" actions={<Link to="/rules/audit">Audit log</Link>}>
      {overview.state === 'loading' && <Loading what="rule sets" />}
      {overview.state === 'error' && <ErrorPanel error={overview.error} onRetry={overview.reload} />}
      {ruleSets && (
        <>
          <p className="muted">
            {ruleSets.length} rule sets · {drafts === 0 ? 'no open drafts' : `${drafts} open draft${drafts === 1 ? '' : 's'}`}.{' '}
            {mayAuthor
              ? "Open a rule set to view its versions, edit a draft, simulate it on today's portfolio and publish it."
              : 'Open a rule set to read its versions and download them (changing rules needs a Program owner or an Admin).'}
          </p>
          {active.state === 'error' && (
            <ErrorPanel
              error={active.error}
              onRetry={() => {
                setGeneration((g) => g + 1);
              }}
            />
          )}
          <RuleSetList title="Core rule sets" ruleSets={core} active={active} showPlugin={false} />
          {packs.length > 0 && <RuleSetList title="Plugin rule packs" ruleSets={packs} active={active} showPlugin />}
        </>
      )}
    </Page>
  );
}
