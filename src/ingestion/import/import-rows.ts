import { parse } from 'csv-parse/sync';
import { ValidationFailed } from '../../api/api-errors.js';

/** One input row and where it came from, so errors can name the exact line or index. */
export interface SourceRow {
  /** 1-based data row number (header excluded). */
  row: number;
  /** CSV: 1-based line in the file; JSON: undefined. */
  line?: number;
  values: Record<string, unknown>;
}

export const MAX_IMPORT_ROWS = 50_000;

export function rowsFromCsv(text: string): SourceRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: false });
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new ValidationFailed([{ path: `body${e.lines ? ` line ${e.lines}` : ''}`, code: 'malformed_csv', message: e.message }], 'The CSV could not be parsed; nothing was imported.');
  }
  checkSize(records.length);
  return records.map(({ record, info }, index) => ({
    row: index + 1,
    line: info.lines,
    // Empty cells mean "not given", not empty strings.
    values: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '')),
  }));
}

export function rowsFromJson(body: unknown): SourceRow[] {
  const rows = Array.isArray(body) ? body : (body as { rows?: unknown })?.rows;
  if (!Array.isArray(rows)) {
    throw new ValidationFailed([{ path: 'body', code: 'invalid_type', message: 'expected a JSON array of rows or { "rows": [...] }', expected: 'array' }]);
  }
  checkSize(rows.length);
  return rows.map((values, index) => ({ row: index + 1, values: values as Record<string, unknown> }));
}

function checkSize(count: number): void {
  if (count === 0) throw new ValidationFailed([{ path: 'body', code: 'too_small', message: 'expected at least one row' }]);
  if (count > MAX_IMPORT_ROWS) throw new ValidationFailed([{ path: 'body', code: 'too_big', message: `expected at most ${MAX_IMPORT_ROWS} rows per import, got ${count}` }]);
}
