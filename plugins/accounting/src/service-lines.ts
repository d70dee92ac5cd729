// Which engagements are compliance (the recurring baseline every firm offers) and which are
// advisory (what makes the firm a trusted advisor rather than a compliance vendor). Service
// lines are free text in the core model, so they are classified by name; advisory keywords win,
// so "Tax planning" and "Forensic Accounting" count as advisory while "Tax" stays compliance.

export type ServiceKind = 'advisory' | 'compliance';

const ADVISORY = /advis|consult|forensic|valuation|transaction|planning|cfo|restructur|m&a|due diligence|risk/i;
const COMPLIANCE = /audit|assurance|attest|tax|payroll|bookkeep|compliance|accounting|reporting/i;

/** Lines of the demo firm: Advisory and Forensic Accounting are advisory; Audit, Tax and Payroll compliance. */
export function serviceKindOf(serviceLine: string): ServiceKind | undefined {
  if (ADVISORY.test(serviceLine)) return 'advisory';
  if (COMPLIANCE.test(serviceLine)) return 'compliance';
  return undefined;
}
