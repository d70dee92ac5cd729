/** A score change with its sign and direction colour ('−13', '+4', '±0'); null reads as 'no history'. */
export function ScoreChange({ change }: { change: number | null }) {
  if (change === null) return <span className="muted" title="no score 30 days ago">—</span>;
  const text = change > 0 ? `+${change}` : change < 0 ? `−${Math.abs(change)}` : '±0';
  return <span className={change > 0 ? 'change-up' : change < 0 ? 'change-down' : undefined}>{text}</span>;
}
