import { MetricCard, type MetricFigure } from '../../components/metric-card';

/** The monthly dashboard figures (DOMAIN.md §9) as cards, each with its definition. */
export function FiguresGrid({ figures }: { figures: MetricFigure[] }) {
  return (
    <section aria-labelledby="figures-title" className="dashboard-figures">
      <h2 id="figures-title" className="visually-hidden">
        Key figures
      </h2>
      {figures.length === 0 ? (
        <p className="muted">No figures for this period.</p>
      ) : (
        <div className="figures-grid">
          {figures.map((f) => (
            <MetricCard key={f.id} figure={f} />
          ))}
        </div>
      )}
    </section>
  );
}
