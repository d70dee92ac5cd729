import { describe, expect, it } from 'vitest';
import { acquisitionSpend, cac } from '../../src/metrics/formulas/acquisition-cost.js';
import { atRiskSeverity, isAtRisk } from '../../src/metrics/formulas/at-risk-severity.js';
import { clv } from '../../src/metrics/formulas/client-lifetime-value.js';
import { isClientOn, isLostOn } from '../../src/metrics/formulas/client-status.js';
import { topShare } from '../../src/metrics/formulas/concentration.js';
import { isDeclining } from '../../src/metrics/formulas/declining-score.js';
import { healthDistributionBand } from '../../src/metrics/formulas/health-band.js';
import { logoRetention } from '../../src/metrics/formulas/logo-retention.js';
import { newClientsToStayFlat } from '../../src/metrics/formulas/new-clients-needed.js';
import { paybackMonths } from '../../src/metrics/formulas/payback-months.js';
import { programRoi } from '../../src/metrics/formulas/program-roi.js';
import { ratio } from '../../src/metrics/formulas/ratio.js';
import { grossRevenueRetention, netRevenueRetention } from '../../src/metrics/formulas/revenue-retention.js';
import { tenureBand, tenureYears } from '../../src/metrics/formulas/tenure.js';
import { tierOfAnnualValue } from '../../src/metrics/formulas/tier-band.js';
import { withinCadence } from '../../src/metrics/formulas/touchpoint-cadence.js';
import { presentValue } from '../../src/metrics/definitions/metric-figure.js';
import { parseCostPeriod } from '../../src/metrics/acquisition-costs/cost-period.js';
import { csvCell, toCsv } from '../../src/metrics/tables/csv-writer.js';
import { addMonths } from '../../src/metrics/period/calendar.js';
import { resolvePeriod, trendPeriods } from '../../src/metrics/period/metrics-period.js';

const NOW = new Date('2026-12-01T15:00:00Z');

describe('DOMAIN.md §9 worked examples (pure formulas)', () => {
  it('logo retention and the new clients needed to stay flat: 100 at 90% → 10, at 95% → 5', () => {
    expect(logoRetention(100, 90, 0)).toBe(0.9);
    expect(newClientsToStayFlat(100, 0.9)).toBe(10);
    expect(newClientsToStayFlat(100, 0.95)).toBe(5);
    // (end − new) / start: 12 new clients do not hide 10 lost ones.
    expect(logoRetention(100, 102, 12)).toBe(0.9);
    expect(newClientsToStayFlat(100, 1)).toBe(0);
    expect(newClientsToStayFlat(11, 6 / 11)).toBe(5);
  });

  it('CAC: 200 partner hours × $300 + $20,000 marketing + $15,000 proposals for 10 clients = $9,500', () => {
    const spend = { partnerHours: 200, hourlyRate: 300, marketingSpend: 20_000, proposalCosts: 15_000, otherCosts: 0 };
    expect(acquisitionSpend(spend)).toEqual({ partnerCost: 60_000, totalCost: 95_000 });
    expect(cac(spend, 10)).toBe(9_500);
    expect(cac({ ...spend, otherCosts: 5_000 }, 10)).toBe(10_000);
  });

  it('CLV: $100,000 a year × 30% × 5 years = $150,000', () => {
    expect(clv(100_000, 0.3, 5)).toBe(150_000);
  });

  it('payback: CAC $10,000 with $30,000 profit a year → 4 months; 18 months is a cash problem', () => {
    expect(paybackMonths(10_000, 30_000)).toBe(4);
    expect(paybackMonths(45_000, 30_000)).toBe(18);
  });
});

describe('revenue retention', () => {
  it('net includes expansion (can exceed 1), gross caps each client at last period', () => {
    const cohort = [
      { previous: 100, current: 180 },
      { previous: 100, current: 50 },
      { previous: 100, current: 0 },
    ];
    expect(netRevenueRetention(cohort)).toBeCloseTo(230 / 300, 12);
    expect(grossRevenueRetention(cohort)).toBe(0.5);
    expect(netRevenueRetention([{ previous: 100, current: 150 }])).toBe(1.5);
    expect(grossRevenueRetention([{ previous: 100, current: 150 }])).toBe(1);
  });
});

describe('zero denominators are undefined (null), never NaN or Infinity', () => {
  it('every ratio-shaped formula', () => {
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
    expect(logoRetention(0, 3, 3)).toBeNull();
    expect(newClientsToStayFlat(0, null)).toBeNull();
    expect(netRevenueRetention([])).toBeNull();
    expect(grossRevenueRetention([{ previous: 0, current: 500 }])).toBeNull();
    expect(cac({ partnerHours: 1, hourlyRate: 1, marketingSpend: 0, proposalCosts: 0, otherCosts: 0 }, 0)).toBeNull();
    expect(clv(null, 0.3, 5)).toBeNull();
    expect(paybackMonths(10_000, 0)).toBeNull();
    expect(paybackMonths(null, 30_000)).toBeNull();
    expect(programRoi(1_000, 0)).toBeNull();
    expect(programRoi(1_000, null)).toBeNull();
    expect(topShare([]).share).toBeNull();
    expect(presentValue(Number.POSITIVE_INFINITY, 'ratio')).toBeNull();
    expect(presentValue(Number.NaN, 'currency')).toBeNull();
  });
});

describe('portfolio formulas', () => {
  it('concentration: the top n by revenue over all revenue', () => {
    const revenues = [50, 10, 40, 0, ...Array.from({ length: 10 }, () => 1)];
    expect(topShare(revenues, 2)).toEqual({ topRevenue: 90, totalRevenue: 110, share: 90 / 110 });
    expect(topShare(revenues, 10).topRevenue).toBe(107);
  });

  it('program ROI: (profit kept − cost) / cost', () => {
    expect(programRoi(10_000, 2_000)).toBe(4);
    expect(programRoi(0, 2_000)).toBe(-1);
  });

  it('tenure in whole months (as the scoring counts it) and churn-by-tenure bands at their edges', () => {
    expect(tenureYears('2020-01-10', '2025-01-09')).toBe(59 / 12);
    expect(tenureYears('2020-01-10', '2025-01-10')).toBe(5);
    expect(tenureYears('2026-01-01', '2025-01-01')).toBe(0);
    expect([0, 11 / 12, 1, 1.99, 2, 4.99, 5, 30].map(tenureBand)).toEqual(['<1y', '<1y', '1-2y', '1-2y', '2-5y', '2-5y', '5y+', '5y+']);
  });

  it('tiers by annual value for accounts never scored (DOMAIN.md §1 bands, lower bounds inclusive)', () => {
    expect([0, 49_999.99, 50_000, 199_999, 200_000, 999_999, 1_000_000].map(tierOfAnnualValue)).toEqual([1, 1, 2, 2, 3, 3, 4]);
  });

  it('health distribution bands at their edges', () => {
    expect([0, 39, 40, 59, 60, 79, 80, 100].map(healthDistributionBand)).toEqual(['0-39', '0-39', '40-59', '40-59', '60-79', '60-79', '80-100', '80-100']);
  });
});

describe('client status over time (churned, won back, created mid-period)', () => {
  const wonBack = { clientSince: '2020-01-01', lostOn: '2024-09-01', wonBackOn: '2025-04-01' };
  it('is a client from clientSince, not on and after the churn day, again from the return day', () => {
    expect(isClientOn(wonBack, '2019-12-31')).toBe(false);
    expect(isClientOn(wonBack, '2020-01-01')).toBe(true);
    expect(isClientOn(wonBack, '2024-08-31')).toBe(true);
    expect(isClientOn(wonBack, '2024-09-01')).toBe(false);
    expect(isLostOn(wonBack, '2024-12-31')).toBe(true);
    expect(isClientOn(wonBack, '2025-04-01')).toBe(true);
    expect(isLostOn(wonBack, '2025-04-01')).toBe(false);
  });

  it('a churn dated in the future has not happened yet', () => {
    const leaving = { clientSince: '2020-01-01', lostOn: '2027-01-01', wonBackOn: null };
    expect(isClientOn(leaving, '2026-12-01')).toBe(true);
    expect(isLostOn(leaving, '2026-12-01')).toBe(false);
  });
});

describe('risk formulas', () => {
  it('at risk below the intervention band; severity from the band, else the worst signal, else low', () => {
    expect(isAtRisk('healthy')).toBe(false);
    expect(isAtRisk('intervention')).toBe(true);
    expect(atRiskSeverity('critical', [])).toBe('critical');
    expect(atRiskSeverity('critical', ['low'])).toBe('critical');
    expect(atRiskSeverity('intervention', ['medium', 'high', 'low'])).toBe('high');
    expect(atRiskSeverity('intervention', ['critical'])).toBe('critical');
    expect(atRiskSeverity('intervention', [])).toBe('low');
  });

  it('declining: at least 10 points below the baseline', () => {
    expect(isDeclining(60, 70)).toBe(true);
    expect(isDeclining(61, 70)).toBe(false);
    expect(isDeclining(80, 70)).toBe(false);
  });

  it('within cadence: every applicable requirement met within its interval (never touched: overdue once older than it)', () => {
    const requirements = [
      { touchpointKind: 'strategic', everyDays: 30, applicable: true },
      { touchpointKind: 'operational', everyDays: 7, applicable: false },
    ];
    expect(withinCadence(requirements, new Map([['strategic', 30]]), 400)).toBe(true);
    expect(withinCadence(requirements, new Map([['strategic', 31]]), 400)).toBe(false);
    expect(withinCadence(requirements, new Map(), 30)).toBe(true);
    expect(withinCadence(requirements, new Map(), 31)).toBe(false);
    expect(withinCadence([], new Map(), 999)).toBe(true);
  });
});

describe('periods', () => {
  it('month, quarter and year are calendar periods containing `at`, with the previous one of the same kind', () => {
    expect(resolvePeriod('month', '2024-02-10', NOW)).toMatchObject({ from: '2024-02-01', to: '2024-02-29', startDay: '2024-01-31', asOfDay: '2024-02-29', previous: { from: '2024-01-01', to: '2024-01-31' } });
    expect(resolvePeriod('quarter', '2025-08-01', NOW)).toMatchObject({ from: '2025-07-01', to: '2025-09-30', previous: { from: '2025-04-01', to: '2025-06-30' } });
    expect(resolvePeriod('year', '2025-06-30', NOW)).toMatchObject({ from: '2025-01-01', to: '2025-12-31', previous: { from: '2024-01-01', to: '2024-12-31' } });
  });

  it('rolling12 is the 12 months ending on `at`, its previous the 12 months before', () => {
    expect(resolvePeriod('rolling12', '2025-06-30', NOW)).toMatchObject({ from: '2024-07-01', to: '2025-06-30', previous: { from: '2023-07-01', to: '2024-06-30' } });
    expect(resolvePeriod('rolling12', '2024-02-29', NOW)).toMatchObject({ from: '2023-03-01', to: '2024-02-29' });
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('a running period is measured up to now: flows to today, point-in-time figures at this instant', () => {
    const running = resolvePeriod('month', '2026-12-01', NOW);
    expect(running).toMatchObject({ from: '2026-12-01', to: '2026-12-31', asOfDay: '2026-12-01', current: { from: '2026-12-01', to: '2026-12-01' } });
    expect(running.asOf.toISOString()).toBe(NOW.toISOString());
    expect(resolvePeriod('year', '2025-03-01', NOW).asOf.toISOString()).toBe('2025-12-31T23:59:59.999Z');
  });

  it('the trend is 12 rolling-12 points at month ends, the last ending on the as-of day', () => {
    const points = trendPeriods('2025-06-15', NOW);
    expect(points.map((p) => p.month)).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(points[0].period).toMatchObject({ from: '2023-08-01', to: '2024-07-31' });
    expect(points[11].period).toMatchObject({ from: '2024-06-16', to: '2025-06-15' });
  });

  it('acquisition-cost periods: a year or a quarter', () => {
    expect(parseCostPeriod('2025')).toEqual({ id: '2025', kind: 'year', from: '2025-01-01', to: '2025-12-31' });
    expect(parseCostPeriod('2024-Q1')).toEqual({ id: '2024-Q1', kind: 'quarter', from: '2024-01-01', to: '2024-03-31' });
    expect(parseCostPeriod('2025-Q4')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    for (const bad of ['2025-Q5', '2025-Q0', '25', '2025-q1', '2025-01', '']) expect(parseCostPeriod(bad), bad).toBeNull();
  });
});

describe('CSV writer', () => {
  it('quotes per RFC 4180 and neutralises formula cells; numbers and empty cells stay plain', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('writes a header of labels then the rows, CRLF-terminated', () => {
    const columns = [{ key: 'a', label: 'First, A' }, { key: 'b', label: 'B' }];
    expect(toCsv(columns, [{ a: 'x', b: 1 }, { a: null, b: null }])).toBe('"First, A",B\r\nx,1\r\n,\r\n');
  });
});
