import type { FactProvider, FactValues, PluginActivities, PluginActivityDeps, PluginActivityInput, PluginActivityResult } from '../../../src/plugin-api/index.js';
import { calendarFacts } from './calendar.facts.js';
import { deliveryFacts } from './delivery.facts.js';
import { engagementLetterFacts } from './engagement-letter.facts.js';
import { taxSeasonAt } from './fiscal-calendar.js';
import { serviceMixFacts } from './service-mix.facts.js';

const PROVIDERS: FactProvider[] = [deliveryFacts, serviceMixFacts, calendarFacts, engagementLetterFacts];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line the play timeline shows, from the accounting facts of the account as of `asOf`. */
export function describeSeason(facts: Partial<FactValues>, asOf: Date): string {
  const season = taxSeasonAt(asOf);
  const parts = [`${season.year} tax season (Jan-Apr): ${plural(Number(facts['accounting.taxSeasonIssues'] ?? 0), 'service issue')}, ${plural(Number(facts['accounting.taxSeasonLateDeliveries'] ?? 0), 'late delivery', 'late deliveries')}`];
  const share = facts['accounting.advisoryRevenueShare'];
  if (typeof share === 'number') parts.push(`advisory share of the work in 24 months ${Math.round(share * 100)}%${facts['accounting.complianceOnly'] === true ? ' (compliance only)' : ''}`);
  else parts.push('no audit, tax or advisory engagement in 24 months');
  const fye = facts['accounting.daysToFiscalYearEnd'];
  if (typeof fye === 'number') parts.push(`fiscal year ends in ${plural(fye, 'day')}`);
  const deadline = facts['accounting.daysToNextFilingDeadline'];
  if (typeof deadline === 'number') parts.push(`next filing (${String(facts['accounting.nextFilingDeadlineName'])}) due in ${plural(deadline, 'day')}`);
  const letter = facts['accounting.daysToEngagementLetterEnd'];
  if (typeof letter === 'number') parts.push(`engagement letter ends in ${plural(letter, 'day')} without a renewal yet`);
  return parts.join('; ');
}

/**
 * Automated first step of the renewal play: puts the last tax season's delivery record and the
 * service mix in the play's timeline, so the debrief and the advisory proposal start from facts.
 * Read-only, hence idempotent under Temporal retries.
 */
export async function seasonRecap(input: PluginActivityInput, deps: PluginActivityDeps): Promise<PluginActivityResult> {
  const asOf = new Date();
  const ctx = { em: deps.orm.em.fork(), tenantId: input.tenantId, accountIds: [input.accountId], asOf };
  const facts: Partial<FactValues> = {};
  for (const provider of PROVIDERS) Object.assign(facts, (await provider.compute(ctx)).get(input.accountId) ?? {});
  return { summary: describeSeason(facts, asOf) };
}

export const accountingActivities: PluginActivities = { seasonRecap };
