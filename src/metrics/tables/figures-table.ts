import type { MetricFigure } from '../definitions/metric-figure.js';
import type { TableContent } from './metric-table.js';

/** Every scalar figure as a row; inputs as `name=value` pairs so a spreadsheet shows how it was computed. */
export function figuresTable(figures: readonly MetricFigure[]): TableContent {
  return {
    columns: [
      { key: 'id', label: 'Id' },
      { key: 'label', label: 'Figure' },
      { key: 'value', label: 'Value' },
      { key: 'unit', label: 'Unit' },
      { key: 'target', label: 'Target' },
      { key: 'definition', label: 'Definition' },
      { key: 'inputs', label: 'Inputs' },
      { key: 'note', label: 'Note' },
    ],
    rows: figures.map((f) => ({
      id: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
      target: f.target ?? null,
      definition: f.definition,
      inputs: Object.entries(f.inputs).map(([k, v]) => `${k}=${v ?? 'null'}`).join('; '),
      note: f.note ?? null,
    })),
  };
}
