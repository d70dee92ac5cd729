import type { EditorMarker } from '../../components/json-editor/json-editor';
import { lineOfPath, type ParseResult } from '../../components/json-editor/json-source-map';
import type { Validation } from './use-rule-validation';

/** The editor's markers: the syntax error, else the validator's issues placed on the line their path names. */
export function editorMarkers(parsed: ParseResult, validation: Validation): EditorMarker[] {
  if (!parsed.ok) return [{ line: parsed.line, severity: 'error', where: `line ${parsed.line}, column ${parsed.column}`, message: `JSON syntax: ${parsed.message}` }];
  if (validation.state !== 'checked') return [];
  return validation.issues
    .map((issue) => ({ line: lineOfPath(parsed.nodes, issue.path), severity: issue.severity, where: issue.path, message: issue.message }))
    .sort((a, b) => (a.severity === b.severity ? a.line - b.line : a.severity === 'error' ? -1 : 1));
}
