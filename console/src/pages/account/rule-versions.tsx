import { Link } from '../../router';
import type { HistoryItem, RuleVersions as Versions } from './account-types';
import { Section } from './section';

/** The rule-set versions that produced the current score (each links to its rule set), and when they changed. */
export function RuleVersions({ versions, history }: { versions: Versions; history: HistoryItem[] }) {
  const changes = versionChanges(history);
  return (
    <Section title="Rule versions behind the score">
      <table>
        <caption className="visually-hidden">Rule-set versions of the current snapshot</caption>
        <thead>
          <tr>
            <th scope="col">Rule set</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col">Content hash</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(versions)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([kind, v]) => (
              <tr key={kind}>
                <td>
                  <Link to={`/rules/${encodeURIComponent(kind)}`}>{kind}</Link>
                </td>
                <td className="num">v{v.version}</td>
                <td>
                  <code title={v.hash}>{v.hash.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {changes.length > 0 && (
        <ul className="version-changes">
          {changes.map((c) => (
            <li key={`${c.at}-${c.kind}`}>
              {new Date(c.at).toLocaleDateString('en-GB', { timeZone: 'UTC' })}: <Link to={`/rules/${encodeURIComponent(c.kind)}`}>{c.kind}</Link> v{c.from} → v{c.to}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Where consecutive snapshots were made by different versions of a rule set (newest first). */
function versionChanges(history: HistoryItem[]): { at: string; kind: string; from: number; to: number }[] {
  const oldestFirst = [...history].sort((a, b) => a.computedAt.localeCompare(b.computedAt));
  const out: { at: string; kind: string; from: number; to: number }[] = [];
  for (let i = 1; i < oldestFirst.length; i++) {
    const before = oldestFirst[i - 1].ruleVersions ?? {};
    for (const [kind, v] of Object.entries(oldestFirst[i].ruleVersions ?? {})) {
      if (before[kind] && before[kind].version !== v.version) out.push({ at: oldestFirst[i].computedAt, kind, from: before[kind].version, to: v.version });
    }
  }
  return out.reverse();
}
