import type { Cell, TableColumn } from './metric-table.js';

/** First characters that make spreadsheet programs evaluate a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: numbers as written, null as empty; text neutralised against formula injection
 * (a leading = + - @ tab or CR gets a ' prefix) and quoted per RFC 4180 when it holds a comma,
 * quote, CR or LF (quotes doubled). Numbers are never prefixed: a number cannot carry a formula.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: a header row of the column labels, then one line per row, CRLF line ends. */
export function toCsv(columns: readonly TableColumn[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.map((c) => csvCell(c.label)), ...rows.map((row) => columns.map((c) => csvCell(row[c.key] ?? null)))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
