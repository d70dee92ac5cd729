import './accounts.css';
import { BAND_COLOURS } from './account-vocabulary';

/** A health score in its band colour; the band is spelled out for screen readers and in the tooltip. */
export function ScoreBadge({ score, band }: { score: number | null; band: string | null }) {
  if (score === null) return <span className="muted">not scored</span>;
  const colour = band ? BAND_COLOURS[band] : undefined;
  return (
    <span className={`score-badge band-${band ?? 'unknown'}`} style={colour ? { background: colour } : undefined} title={band ? `${band} band` : undefined}>
      {score}
      {band && <span className="visually-hidden"> ({band})</span>}
    </span>
  );
}
