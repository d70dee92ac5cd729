import type { DemoAccountView } from '../../../src/plugin-api/index.js';
import type { ConflictCheck, LegalAttributes } from './attributes.js';

const DAY = 86_400_000;
const PRACTICE_AREAS = ['Corporate', 'Litigation', 'Employment', 'Intellectual Property', 'Regulatory', 'Real Estate', 'M&A'];
const MATTERS: Record<string, string[]> = {
  Corporate: ['Minority investment in a fintech start-up', 'Shareholder agreement renegotiation'],
  Litigation: ['Claim against a former distributor', 'Defence of a product liability claim'],
  Employment: ['Senior executive exit negotiation', 'Works council consultation on restructuring'],
  'Intellectual Property': ['Licence dispute with a software vendor', 'Opposition to a competitor trademark'],
  Regulatory: ['Competition authority information request', 'Export control voluntary disclosure'],
  'Real Estate': ['Sale and leaseback of the logistics centre', 'Lease exit for the regional office'],
  'M&A': ['Acquisition of a family-owned supplier', 'Carve-out sale of the services division'],
};
const DECLINE_NOTES = ['the firm acts for the counterparty', 'adverse to an existing client of the firm', 'the firm advised the target in a prior transaction'];

/**
 * Sample conflict checks for about half of the live legal demo accounts: older checks decided
 * (mostly cleared, a few declined: the client went to another firm), sometimes one recent check
 * still pending. Deterministic through `view.random()`.
 */
export function legalDemoAttributes(view: DemoAccountView): LegalAttributes | undefined {
  if (view.account.status === 'churned') return undefined;
  const random = view.random;
  if (random() >= 0.5) return undefined;
  const asOfMs = Date.parse(`${view.asOf}T00:00:00Z`);
  const day = (daysAgo: number) => new Date(asOfMs - daysAgo * DAY).toISOString().slice(0, 10);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const ownAreas = [...new Set(view.engagements.map((e) => e.serviceLine))].filter((a) => a in MATTERS);

  const checks: ConflictCheck[] = [];
  const decided = 1 + Math.floor(random() * 3);
  for (let i = 0; i < decided; i++) {
    // New matters mostly come from the practice areas the client already uses.
    const practiceArea = ownAreas.length && random() < 0.7 ? pick(ownAreas) : pick(PRACTICE_AREAS);
    const raisedAgo = 20 + Math.floor(random() * 680);
    const decidedAgo = raisedAgo - (1 + Math.floor(random() * 10));
    const declined = random() < 0.15;
    checks.push({
      matter: pick(MATTERS[practiceArea]),
      practiceArea,
      raisedOn: day(raisedAgo),
      status: declined ? 'declined' : 'cleared',
      decidedOn: day(decidedAgo),
      ...(declined ? { note: pick(DECLINE_NOTES) } : {}),
    });
  }
  if (random() < 0.3) {
    const practiceArea = pick(PRACTICE_AREAS);
    checks.push({ matter: pick(MATTERS[practiceArea]), practiceArea, raisedOn: day(Math.floor(random() * 21)), status: 'pending' });
  }
  checks.sort((a, b) => a.raisedOn.localeCompare(b.raisedOn));
  return { conflictChecks: checks };
}
