// The program owner's CAC / CLV inputs (PUT /metrics/acquisition-costs/:period), as form fields.
export interface CostField {
  key: string;
  label: string;
  hint: string;
  required: boolean;
  step: string;
}

export const COST_FIELDS: CostField[] = [
  { key: 'partnerHours', label: 'Partner hours on business development', hint: 'hours', required: true, step: '1' },
  { key: 'hourlyRate', label: 'Partner hourly rate', hint: 'currency per hour', required: true, step: '1' },
  { key: 'marketingSpend', label: 'Marketing spend', hint: 'currency', required: true, step: '1' },
  { key: 'proposalCosts', label: 'Proposal costs', hint: 'currency', required: true, step: '1' },
  { key: 'otherCosts', label: 'Other acquisition costs', hint: 'currency, optional', required: false, step: '1' },
  { key: 'clientsWon', label: 'Clients won', hint: 'optional: defaults to accounts whose client-since date falls in the period', required: false, step: '1' },
  { key: 'grossMargin', label: 'Gross margin', hint: 'a fraction from 0 to 1, e.g. 0.3 for 30 %', required: true, step: 'any' },
  { key: 'expectedYears', label: 'Expected client lifetime', hint: 'years', required: true, step: 'any' },
  { key: 'retentionProgramCost', label: 'Retention program cost', hint: 'currency, optional: for the program ROI', required: false, step: '1' },
];

export type CostValues = Record<string, string>;

/** The request body: numbers for filled fields; empty optional fields left out, empty required ones too (the API names them). */
export function costBody(values: CostValues): Record<string, number> {
  const body: Record<string, number> = {};
  for (const f of COST_FIELDS) {
    const raw = (values[f.key] ?? '').trim();
    if (raw !== '') body[f.key] = Number(raw);
  }
  return body;
}

/** Which form field an API issue path names ('body.grossMargin', 'params.period', 'period'). */
export function fieldOfIssue(path: string): string | null {
  const last = path.split('.').pop() ?? '';
  if (/period/.test(path) && !/Period/.test(last)) return 'period';
  return COST_FIELDS.some((f) => f.key === last) ? last : null;
}
