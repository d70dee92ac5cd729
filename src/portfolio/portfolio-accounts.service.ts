import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity.js';
import { AccountHealth } from '../scoring/account-health.entity.js';
import type { SignalSeverity } from '../rules/schema/signals-rule-set.schema.js';
import type { PortfolioAccount } from './portfolio-account.js';
import { accountsLedBy, contractsOf, ownersOf, severitiesOf } from './account-summaries.js';
import type { PortfolioAccountsQuery } from './portfolio-accounts.query.js';
import { scoreChange30d } from './score-change.js';


type Row = Omit<PortfolioAccount, 'owner' | 'nextRenewalOn' | 'annualValue' | 'severity'> & { snapshotId: string | null; severity?: SignalSeverity | null };

const nullsLast = (a: number | null, b: number | null, dir: 1 | -1) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : (a - b) * dir);

/**
 * The console's account list: accounts joined with their current health, filtered, sorted and
 * paged; the page (not the whole portfolio) is then enriched with owners, contracts and severity.
 */
@Injectable()
export class PortfolioAccountsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** `visible`: the accounts an account manager serves (null: the whole firm). */
  async list(tenantId: string, query: PortfolioAccountsQuery, visible: ReadonlySet<string> | null = null, now = new Date()): Promise<{ total: number; items: PortfolioAccount[] }> {
    const em = this.orm.em.fork();
    const today = now.toISOString().slice(0, 10);
    const where: FilterQuery<Account> = { tenantId };
    if (query.industry) where.industry = query.industry;
    if (query.status) where.status = query.status;
    const [accounts, health, ledIds] = await Promise.all([
      em.find(Account, where, { fields: ['id', 'name', 'industry', 'status'] }),
      em.find(AccountHealth, { tenantId, ...(query.tier ? { tier: query.tier } : {}) }),
      query.ownerPersonId ? accountsLedBy(em, tenantId, query.ownerPersonId, today) : Promise.resolve(null),
    ]);
    const healthOf = new Map(health.map((h) => [h.accountId, h]));
    let rows: Row[] = [];
    // Names are matched here, not in SQL: case-insensitive for any script, and % or _ stay literal on both dialects.
    const needle = query.search?.toLocaleLowerCase();
    for (const a of accounts) {
      if (visible && !visible.has(a.id)) continue;
      if (needle && !a.name.toLocaleLowerCase().includes(needle)) continue;
      const h = healthOf.get(a.id);
      if (query.tier && !h) continue;
      if (ledIds && !ledIds.has(a.id)) continue;
      rows.push({
        id: a.id, name: a.name, industry: a.industry, status: a.status,
        tier: h?.tier ?? null, score: h?.score ?? null, band: h?.band ?? null, stage: h?.stage ?? null,
        change30d: h ? scoreChange30d(h.score, h.recentScores, now) : null,
        signalCount: h?.signalCount ?? 0, criticalSignalCount: h?.criticalSignalCount ?? 0,
        computedAt: h ? new Date(h.computedAt).toISOString() : null, snapshotId: h?.snapshotId ?? null,
      });
    }
    if (query.severity) {
      // Only accounts with active signals can have a severity: load just their snapshots.
      const candidates = rows.filter((r) => r.signalCount > 0 && r.snapshotId);
      const severities = await severitiesOf(em, tenantId, candidates.map((r) => r.snapshotId!));
      rows = candidates.filter((r) => severities.get(r.id) === query.severity).map((r) => ({ ...r, severity: severities.get(r.id) ?? null }));
    }
    rows.sort(this.comparator(query.sort));
    const page = rows.slice(query.offset, query.offset + query.limit);
    const ids = page.map((r) => r.id);
    const [owners, contracts, severities] = await Promise.all([
      ownersOf(em, tenantId, ids, today),
      contractsOf(em, tenantId, ids, today),
      severitiesOf(em, tenantId, page.filter((r) => r.severity === undefined && r.signalCount > 0 && r.snapshotId).map((r) => r.snapshotId!)),
    ]);
    const items = page.map(({ snapshotId: _s, ...r }) => ({
      ...r,
      severity: r.severity ?? severities.get(r.id) ?? null,
      owner: owners.get(r.id) ?? null,
      nextRenewalOn: contracts.get(r.id)?.nextRenewalOn ?? null,
      annualValue: contracts.get(r.id)?.annualValue ?? null,
    }));
    return { total: rows.length, items };
  }

  private comparator(sort: PortfolioAccountsQuery['sort']): (a: Row, b: Row) => number {
    const byName = (a: Row, b: Row) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
    switch (sort) {
      case 'score': return (a, b) => nullsLast(a.score, b.score, 1) || byName(a, b);
      case '-score': return (a, b) => nullsLast(a.score, b.score, -1) || byName(a, b);
      case 'change': return (a, b) => nullsLast(a.change30d, b.change30d, 1) || byName(a, b);
      case '-change': return (a, b) => nullsLast(a.change30d, b.change30d, -1) || byName(a, b);
      case '-name': return (a, b) => byName(b, a);
      default: return byName;
    }
  }
}
