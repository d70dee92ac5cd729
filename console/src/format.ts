// Number, money and date formatting in one place, so every view reads the same.
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export const DASH = '—';

export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? DASH : percentFormat.format(ratio);
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : numberFormat.format(value);
}

export function formatMoney(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH;
  return moneyFormat.format(Number(value));
}

/** 'YYYY-MM-DD' (or an ISO timestamp) as '3 Dec 2026'. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return DASH;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return DASH;
  return new Date(value).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) + ' UTC';
}

/** Formats a metric value by its unit (the metrics API says which). */
export function formatByUnit(value: number | null, unit: string): string {
  switch (unit) {
    case 'ratio':
      return formatPercent(value);
    case 'currency':
      return formatMoney(value);
    case 'months':
      return value === null ? DASH : `${numberFormat.format(value)} mo`;
    case 'days':
      return value === null ? DASH : `${numberFormat.format(value)} d`;
    case 'years':
      return value === null ? DASH : `${numberFormat.format(value)} y`;
    default:
      return formatNumber(value);
  }
}
