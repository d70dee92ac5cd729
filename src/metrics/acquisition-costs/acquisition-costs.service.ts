import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { Account } from '../../accounts/account.entity.js';
import { retryOnBusy } from '../../persistence/retry-on-busy.js';
import { acquisitionSpend, cac } from '../formulas/acquisition-cost.js';
import type { PeriodKind } from '../period/metrics-period.js';
import { AcquisitionCost } from './acquisition-cost.entity.js';
import type { AcquisitionCostBody } from './acquisition-cost.schema.js';
import type { CostPeriod } from './cost-period.js';

/** An entry with what follows from it: the effective number of clients won and the CAC. */
export interface AcquisitionCostView {
  period: string;
  periodStart: string;
  periodEnd: string;
  partnerHours: number;
  hourlyRate: number;
  marketingSpend: number;
  proposalCosts: number;
  otherCosts: number;
  clientsWon: number | null;
  grossMargin: number;
  expectedYears: number;
  retentionProgramCost: number | null;
  updatedAt: Date;
  derived: {
    partnerCost: number;
    totalCost: number;
    /** The override when entered, else the accounts whose clientSince falls in the period. */
    effectiveClientsWon: number;
    clientsWonSource: 'entered' | 'clientSince';
    acquisitionCost: number | null;
  };
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Entered acquisition costs: idempotent upsert per period, listing, and the entry a metrics period uses. */
@Injectable()
export class AcquisitionCostsService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** Creates or replaces the entry of a period (PUT semantics: the same body twice changes nothing). */
  async upsert(tenantId: string, period: CostPeriod, body: AcquisitionCostBody): Promise<AcquisitionCostView> {
    // Stored at the columns' precision, so SQLite and PostgreSQL return the same numbers.
    const fields = {
      periodStart: period.from,
      periodEnd: period.to,
      partnerHours: round(body.partnerHours, 2),
      hourlyRate: round(body.hourlyRate, 2),
      marketingSpend: round(body.marketingSpend, 2),
      proposalCosts: round(body.proposalCosts, 2),
      otherCosts: round(body.otherCosts, 2),
      clientsWon: body.clientsWon ?? null,
      grossMargin: round(body.grossMargin, 4),
      expectedYears: round(body.expectedYears, 2),
      retentionProgramCost: body.retentionProgramCost == null ? null : round(body.retentionProgramCost, 2),
    };
    const entry = await retryOnBusy(() =>
      this.orm.em.fork().transactional(async (em) => {
        const existing = await em.findOne(AcquisitionCost, { tenantId, period: period.id });
        if (existing) {
          em.assign(existing, fields);
          return existing;
        }
        return em.create(AcquisitionCost, { tenantId, period: period.id, ...fields });
      }),
    );
    return (await this.withDerived(this.orm.em.fork(), tenantId, [entry]))[0];
  }

  async list(tenantId: string): Promise<AcquisitionCostView[]> {
    const em = this.orm.em.fork();
    const entries = await em.find(AcquisitionCost, { tenantId }, { orderBy: { periodStart: 'asc', periodEnd: 'desc' } });
    return this.withDerived(em, tenantId, entries);
  }

  /**
   * The entry a metrics period uses: among the entries covering the as-of day, the year entry for
   * year and rolling-12 periods and the quarter entry for month and quarter periods (the other
   * one when only that exists); when none covers it, the most recent entry that ended before it.
   */
  async forPeriod(tenantId: string, kind: PeriodKind, asOfDay: string): Promise<AcquisitionCostView | null> {
    const em = this.orm.em.fork();
    const entries = await em.find(AcquisitionCost, { tenantId, periodStart: { $lte: asOfDay } });
    const covering = entries.filter((e) => e.periodEnd >= asOfDay);
    const preferYear = kind === 'year' || kind === 'rolling12';
    const isYear = (e: AcquisitionCost) => e.period.length === 4;
    let chosen = covering.find((e) => isYear(e) === preferYear) ?? covering[0];
    if (!chosen) {
      const ended = entries.sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || Number(isYear(b) === preferYear) - Number(isYear(a) === preferYear));
      chosen = ended[0];
    }
    return chosen ? (await this.withDerived(em, tenantId, [chosen]))[0] : null;
  }

  /** Accounts whose clientSince falls in each entry's period: one count query per entry (entries are few). */
  private async withDerived(em: EntityManager, tenantId: string, entries: AcquisitionCost[]): Promise<AcquisitionCostView[]> {
    const views: AcquisitionCostView[] = [];
    for (const e of entries) {
      const counted = e.clientsWon === null || e.clientsWon === undefined ? await em.count(Account, { tenantId, clientSince: { $gte: e.periodStart, $lte: e.periodEnd } }) : null;
      const effectiveClientsWon = counted ?? e.clientsWon!;
      const spend = { partnerHours: Number(e.partnerHours), hourlyRate: Number(e.hourlyRate), marketingSpend: Number(e.marketingSpend), proposalCosts: Number(e.proposalCosts), otherCosts: Number(e.otherCosts) };
      const { partnerCost, totalCost } = acquisitionSpend(spend);
      views.push({
        period: e.period,
        periodStart: e.periodStart,
        periodEnd: e.periodEnd,
        ...spend,
        clientsWon: e.clientsWon ?? null,
        grossMargin: Number(e.grossMargin),
        expectedYears: Number(e.expectedYears),
        retentionProgramCost: e.retentionProgramCost === null || e.retentionProgramCost === undefined ? null : Number(e.retentionProgramCost),
        updatedAt: e.updatedAt,
        derived: {
          partnerCost,
          totalCost,
          effectiveClientsWon,
          clientsWonSource: counted === null ? 'entered' : 'clientSince',
          acquisitionCost: cac(spend, effectiveClientsWon),
        },
      });
    }
    return views;
  }
}
