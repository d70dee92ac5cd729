import type { PortfolioScope } from '../data/portfolio-scope.js';

export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  label: string;
  /** How to read the numbers: ratio (fraction), currency, count, days, years; dates as ISO text. */
  unit?: 'ratio' | 'currency' | 'count' | 'days' | 'years' | 'months' | 'date' | 'datetime' | 'score';
}

export interface TableContent {
  columns: TableColumn[];
  rows: Record<string, Cell>[];
}

/** Builds one table's columns and rows from a request's scope. */
export type TableBuilder = (scope: PortfolioScope) => Promise<TableContent>;

export const round = (value: number | null, decimals: number): number | null => (value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals);
