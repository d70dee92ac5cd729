import { isLostOn } from '../formulas/client-status.js';
import { churnByTenure, churnOf, churnReasons } from '../families/churn.family.js';
import { ratio } from '../formulas/ratio.js';
import { runningAt } from '../data/plays.loader.js';
import { addDays, daysFrom, dayOf, startOfDay } from '../period/calendar.js';
import { round, type TableBuilder } from './metric-table.js';

/** Lost clients stay in the win-back pipeline this long after their churn. */
const PIPELINE_DAYS = 730;
/** DOMAIN.md §8: wait 3-6 months after they leave before the win-back sequence. */
const WIN_BACK_WAIT_DAYS = 90;

export const churnReasonsTable: TableBuilder = async (scope) => {
  const churn = await churnOf(scope);
  return {
    columns: [
      { key: 'reason', label: 'Reason' },
      { key: 'accounts', label: 'Accounts', unit: 'count' },
      { key: 'revenue', label: 'Revenue lost (12 months before churn)', unit: 'currency' },
      { key: 'share', label: 'Share of churned accounts', unit: 'ratio' },
    ],
    rows: churnReasons(churn).map((r) => ({ ...r, share: round(ratio(r.accounts, churn.churned.length), 6) })),
  };
};

export const churnByTenureTable: TableBuilder = async (scope) => ({
  columns: [
    { key: 'band', label: 'Tenure at churn' },
    { key: 'accounts', label: 'Accounts', unit: 'count' },
    { key: 'revenue', label: 'Revenue lost (12 months before churn)', unit: 'currency' },
  ],
  rows: churnByTenure(await churnOf(scope)),
});

export const winBackPipelineTable: TableBuilder = async (scope) => {
  const { period } = scope;
  const accounts = await scope.accounts();
  const plays = (await scope.plays(startOfDay(addDays(period.asOfDay, -PIPELINE_DAYS)))).filter((p) => p.play === 'win_back');
  const runningBy = new Map(plays.filter((p) => runningAt(p, period.asOf)).map((p) => [p.accountId, p]));
  const latestBy = new Map([...plays].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime()).map((p) => [p.accountId, p]));
  const pipeline = accounts.filter((a) => runningBy.has(a.id) || (isLostOn(a, period.asOfDay) && daysFrom(a.lostOn!, period.asOfDay) <= PIPELINE_DAYS));
  const values = pipeline.length ? await scope.valuesAtChurn() : new Map();
  const rows = pipeline
    .map((a) => {
      const play = runningBy.get(a.id) ?? latestBy.get(a.id);
      const state = !play ? 'none' : runningAt(play, period.asOf) ? `running since ${dayOf(play.startedAt)}` : `${play.status}${play.outcome ? ` (${play.outcome})` : ''} on ${play.closedAt ? dayOf(play.closedAt) : '?'}`;
      return {
        accountId: a.id,
        name: a.name,
        tier: a.tier,
        churnedOn: a.lostOn,
        reason: a.churnReason,
        revenueLost: values.get(a.id)?.revenue12m ?? 0,
        daysSinceChurn: a.lostOn ? daysFrom(a.lostOn, period.asOfDay) : null,
        winBackDueFrom: a.lostOn ? addDays(a.lostOn, WIN_BACK_WAIT_DAYS) : null,
        winBackPlay: state,
        lastPlayEvent: play?.lastEvent ?? null,
      };
    })
    .sort((x, y) => (y.revenueLost - x.revenueLost) || x.name.localeCompare(y.name));
  return {
    columns: [
      { key: 'accountId', label: 'Account id' },
      { key: 'name', label: 'Account' },
      { key: 'tier', label: 'Tier', unit: 'count' },
      { key: 'churnedOn', label: 'Churned on', unit: 'date' },
      { key: 'reason', label: 'Churn reason' },
      { key: 'revenueLost', label: 'Revenue lost (12 months before churn)', unit: 'currency' },
      { key: 'daysSinceChurn', label: 'Days since churn', unit: 'days' },
      { key: 'winBackDueFrom', label: 'Win-back outreach from', unit: 'date' },
      { key: 'winBackPlay', label: 'Win-back play' },
      { key: 'lastPlayEvent', label: 'Last play event' },
    ],
    rows,
  };
};
