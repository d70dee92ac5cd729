/** The numbers behind a chart, behind a disclosure (screen readers and people who prefer tables). */
export function ChartDataTable({ caption, head, rows, textColumns = [] }: { caption: string; head: string[]; rows: (string | number)[][]; textColumns?: number[] }) {
  const align = (c: number) => (c > 0 && !textColumns.includes(c) ? 'num' : undefined);
  return (
    <details className="chart-data">
      <summary>Data table</summary>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, c) => (
              <th key={c} scope="col" className={align(c)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className={align(c)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
