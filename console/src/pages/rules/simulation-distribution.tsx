import type { Distribution } from './rule-types';

const BANDS = ['healthy', 'intervention', 'critical'];

/** Portfolio shape before and after: accounts per tier and band, and the score histogram. */
export function SimulationDistribution({ before, after }: { before: Distribution; after: Distribution }) {
  const tiers = [...new Set([...Object.keys(before.tiers), ...Object.keys(after.tiers)])].sort();
  const bands = BANDS.filter((b) => b in before.bands || b in after.bands);
  return (
    <div className="simulation-distribution">
      <CountTable caption="Accounts per tier" rows={tiers.map((t) => [`Tier ${t}`, before.tiers[t] ?? 0, after.tiers[t] ?? 0])} />
      <CountTable caption="Accounts per health band" rows={bands.map((b) => [b, before.bands[b] ?? 0, after.bands[b] ?? 0])} />
      <Histogram before={before.scoreHistogram} after={after.scoreHistogram} />
    </div>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: [string, number, number][] }) {
  return (
    <table className="count-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className="num">
            Now
          </th>
          <th scope="col" className="num">
            Candidate
          </th>
          <th scope="col" className="num">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, b, a]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{b}</td>
            <td className="num">{a}</td>
            <td className={a === b ? 'num muted' : 'num strong'}>{a === b ? '0' : a > b ? `+${a - b}` : a - b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Accounts per 10-point score bucket, now (grey) and with the candidate (blue), side by side. */
function Histogram({ before, after }: { before: number[]; after: number[] }) {
  const max = Math.max(1, ...before, ...after);
  const width = 320;
  const height = 120;
  const slot = width / before.length;
  const bar = (slot - 6) / 2;
  const scale = (n: number) => (n / max) * (height - 18);
  const text = before.map((b, i) => `${i * 10}-${i === 9 ? 100 : i * 10 + 9}: ${b} → ${after[i]}`).join('; ');
  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Score histogram, now → candidate: ${text}`}>
        {before.map((b, i) => (
          <g key={i}>
            <rect x={i * slot + 2} y={height - 14 - scale(b)} width={bar} height={scale(b)} className="bar-before" />
            <rect x={i * slot + 2 + bar + 2} y={height - 14 - scale(after[i])} width={bar} height={scale(after[i])} className="bar-after" />
            <text x={i * slot + slot / 2} y={height - 2} textAnchor="middle" className="axis">
              {i * 10}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        Score histogram: <span className="legend-before">now</span> vs <span className="legend-after">candidate</span>
      </figcaption>
    </figure>
  );
}
