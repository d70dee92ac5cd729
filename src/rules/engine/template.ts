import type { FactValue } from '../../facts/fact-definition.js';

/** Formats a fact value for people: numbers to at most one decimal, booleans as yes/no, missing as n/a. */
export function formatFactValue(value: FactValue | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return value;
}

/** Fills `{{name}}` placeholders from the values; unknown names are left visible. */
export function renderTemplate(text: string, values: Record<string, FactValue | undefined>): string {
  return text.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_.]*)\s*\}\}/g, (whole, name: string) => (name in values ? formatFactValue(values[name]) : whole));
}

export function templatePlaceholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([a-zA-Z][a-zA-Z0-9_.]*)\s*\}\}/g)].map((m) => m[1]);
}
