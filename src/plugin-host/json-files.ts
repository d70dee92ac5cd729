import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { locateJsonPaths, positionOf, syntaxErrorPosition } from '../rules/files/json-locator.js';
import { jsonPath } from '../rules/validation/validation-issue.js';

export interface JsonFile {
  file: string;
  text: string;
  raw: unknown;
}

/** `file:line:column path: message` for an issue at a JSON path of a file's text. */
export function locate(file: string, text: string, path: string, message: string): string {
  const { line, column } = positionOf(locateJsonPaths(text), path);
  return `${file}:${line}:${column} ${path}: ${message}`;
}

/** Reads and parses one JSON file; a syntax error is reported with its line and column. */
export function readJsonFile(file: string, problems: string[]): JsonFile | undefined {
  const text = readFileSync(file, 'utf8');
  try {
    return { file, text, raw: JSON.parse(text) };
  } catch (error) {
    const { line, column } = syntaxErrorPosition(text, error as Error);
    problems.push(`${file}:${line}:${column} (document): malformed JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** Every *.json in a folder (sorted); a missing folder is empty. */
export function readJsonDir(dir: string, problems: string[]): JsonFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => readJsonFile(join(dir, name), problems) ?? []);
}

/** Parses with a zod schema, or records every issue with file:line:column. */
export function parseJsonFile<T extends z.ZodType>(json: JsonFile, schema: T, problems: string[]): z.output<T> | undefined {
  const parsed = schema.safeParse(json.raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.push(locate(json.file, json.text, jsonPath(issue.path as (string | number)[]), issue.message));
  return undefined;
}
