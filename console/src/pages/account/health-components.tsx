import type { ComponentResult, FactValue, FiredRule } from './account-types';
import { Section } from './section';

const fact = (v: FactValue) => (v === null ? 'missing' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0');

/** Each component's points against its weight, and the rules that fired with the fact values they read. */
export function HealthComponents({ components }: { components: ComponentResult[] }) {
  return (
    <Section title="Score components">
      <div className="components">
        {components.map((c) => (
          <article key={c.id} className="component" aria-labelledby={`component-${c.id}`}>
            <h3 id={`component-${c.id}`}>
              {c.name}{' '}
              <span className="component-points">
                {c.points} / {c.weight}
              </span>
            </h3>
            <meter min={0} max={c.weight} value={c.points} low={c.weight * 0.4} high={c.weight * 0.6} optimum={c.weight} aria-label={`${c.name}: ${c.points} of ${c.weight} points`} />
            {c.rules.length === 0 ? (
              <p className="muted">No rule fired.</p>
            ) : (
              <table className="rules-table">
                <caption className="visually-hidden">Rules that fired for {c.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col" className="num">
                      Points
                    </th>
                    <th scope="col">Facts read</th>
                  </tr>
                </thead>
                <tbody>
                  {c.rules.map((r) => (
                    <RuleRow key={r.id} rule={r} />
                  ))}
                </tbody>
              </table>
            )}
          </article>
        ))}
      </div>
    </Section>
  );
}

function RuleRow({ rule }: { rule: FiredRule }) {
  return (
    <tr>
      <td>
        {rule.reason}
        <div className="muted small">{rule.description}</div>
      </td>
      <td className={`num ${rule.points !== undefined && rule.points < 0 ? 'change-down' : ''}`}>{rule.points === undefined ? '—' : signed(rule.points)}</td>
      <td>
        <ul className="fact-list">
          {Object.entries(rule.facts).map(([k, v]) => (
            <li key={k}>
              <code>{k}</code> = {fact(v)}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
