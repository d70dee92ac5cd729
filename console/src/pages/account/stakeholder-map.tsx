import { useApi } from '../../api/use-api';
import { ErrorPanel, Loading } from '../../components/status';
import { humanize } from '../accounts/account-vocabulary';
import type { List, Stakeholder } from './account-types';
import { Section } from './section';

const ROLES = ['decision_maker', 'champion', 'influencer', 'user', 'blocker'];
const STRENGTHS = ['strong', 'developing', 'weak', 'at_risk'];
const SENIORITY: Record<string, string> = { c_level: 'C-level', vp: 'VP', director: 'Director', manager: 'Manager', staff: 'Staff' };

/** The client's people as a role × relationship-strength grid: gaps (no strong decision maker, an at-risk champion) show at a glance. */
export function StakeholderMap({ accountId }: { accountId: string }) {
  const list = useApi<List<Stakeholder>>(`/stakeholders?accountId=${encodeURIComponent(accountId)}&limit=500`);
  return (
    <Section title="Stakeholder map">
      {list.state === 'loading' && <Loading what="stakeholders" />}
      {list.state === 'error' && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {list.state === 'ready' && <Grid stakeholders={list.data.items} />}
    </Section>
  );
}

function Grid({ stakeholders }: { stakeholders: Stakeholder[] }) {
  const active = stakeholders.filter((s) => !s.departedAt);
  const departed = stakeholders.filter((s) => s.departedAt);
  if (stakeholders.length === 0) return <p className="muted">No stakeholders recorded.</p>;
  return (
    <>
      <table className="stakeholder-grid">
        <caption className="visually-hidden">Stakeholders by role (rows) and relationship strength (columns)</caption>
        <thead>
          <tr>
            <th scope="col">Role \ strength</th>
            {STRENGTHS.map((s) => (
              <th key={s} scope="col" className={`strength-${s}`}>
                {humanize(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROLES.map((role) => (
            <tr key={role}>
              <th scope="row">{humanize(role)}</th>
              {STRENGTHS.map((strength) => {
                const here = active.filter((s) => s.role === role && s.strength === strength);
                return (
                  <td key={strength} className={here.length ? `filled strength-${strength}` : 'empty'}>
                    {here.map((s) => (
                      <div key={s.id} className="stakeholder" title={s.title ?? undefined}>
                        <strong>{s.name}</strong> <span className="muted">{SENIORITY[s.seniority] ?? s.seniority}</span>
                        <Flags s={s} />
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {departed.length > 0 && (
        <p className="muted">
          Departed: {departed.map((s) => `${s.name} (${humanize(s.role)}, ${s.departedAt})`).join('; ')}
        </p>
      )}
    </>
  );
}

function Flags({ s }: { s: Stakeholder }) {
  const flags = [s.metInPerson && 'met in person', s.reachesOutProactively && 'reaches out', s.isFirmAlumnus && 'alumnus'].filter(Boolean) as string[];
  return flags.length ? <div className="stakeholder-flags">{flags.join(' · ')}</div> : null;
}
