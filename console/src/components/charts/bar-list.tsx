import './charts.css';

export interface BarListItem {
  key: string;
  label: React.ReactNode;
  value: number;
  /** Shown after the bar (defaults to the formatted value). */
  detail?: React.ReactNode;
}

/**
 * Ranked horizontal bars as a real table (label, bar, figure): for long category names such as
 * churn reasons or play kinds. The table is the accessible form; the bars are decoration.
 */
export function BarList({ caption, items, format, valueHeading, detailHeading }: { caption: string; items: BarListItem[]; format: (v: number) => string; valueHeading: string; detailHeading?: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <table className="bar-list">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="num">
            {valueHeading}
          </th>
          {detailHeading && (
            <th scope="col" className="num">
              {detailHeading}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.key}>
            <th scope="row">
              {item.label}
              <span className="bar-list-bar" aria-hidden="true" style={{ width: `${(item.value / max) * 100}%` }} />
            </th>
            <td className="num">{format(item.value)}</td>
            {detailHeading && <td className="num">{item.detail}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
