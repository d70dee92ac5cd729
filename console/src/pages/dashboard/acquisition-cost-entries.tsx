import { formatMoney, formatNumber, formatPercent } from '../../format';
import { COST_FIELDS } from './acquisition-cost-fields';

/** One entry of GET /metrics/acquisition-costs: the inputs as entered plus what follows from them. */
export type CostEntry = Record<string, unknown> & { period: string; derived?: { effectiveClientsWon?: number; acquisitionCost?: number | null } };

const MONEY = /Spend|Costs|Rate|Cost$/;
const cellText = (key: string, value: unknown) =>
  typeof value !== 'number' ? '—' : key === 'grossMargin' ? formatPercent(value) : MONEY.test(key) ? formatMoney(value) : formatNumber(value);

/** The entered CAC inputs per period, with the clients-won count used and the resulting CAC; each can be edited (given onEdit). */
export function AcquisitionCostEntries({ entries, onEdit }: { entries: CostEntry[]; onEdit?: (entry: CostEntry) => void }) {
  return (
    <div className="cac-entries">
      <table>
        <caption className="visually-hidden">Entered acquisition cost inputs</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {COST_FIELDS.map((f) => (
              <th key={f.key} scope="col" className="num">
                {f.label}
              </th>
            ))}
            <th scope="col" className="num">
              Clients won (used)
            </th>
            <th scope="col" className="num">
              CAC
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.period}>
              <th scope="row">{e.period}</th>
              {COST_FIELDS.map((f) => (
                <td key={f.key} className="num">
                  {cellText(f.key, e[f.key])}
                </td>
              ))}
              <td className="num">{formatNumber(e.derived?.effectiveClientsWon)}</td>
              <td className="num">{formatMoney(e.derived?.acquisitionCost)}</td>
              <td>
                {onEdit && (
                  <button type="button" className="secondary" onClick={() => onEdit(e)} aria-label={`Edit ${e.period}`}>
                    Edit
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
