import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { RuleIssue, ValidationAnswer } from './rule-types';

export type Validation =
  | { state: 'syntax' } // the text is not JSON: nothing to ask the server
  | { state: 'pending' }
  | { state: 'checked'; valid: boolean; issues: RuleIssue[] }
  | { state: 'error'; error: Error };

const DEBOUNCE_MS = 350;

/**
 * Validates the editor's document as the person types, with the service's own validator
 * (`POST /rule-sets/:kind/validate`), debounced. A result only counts for the exact text it was
 * computed for, so a slow answer never marks newer text as valid.
 */
export function useRuleValidation(kind: string, text: string, document: unknown, parsed: boolean): Validation {
  const [result, setResult] = useState<{ text: string; validation: Validation } | null>(null);
  useEffect(() => {
    if (!parsed) return;
    let live = true;
    const timer = setTimeout(() => {
      api.send<ValidationAnswer>('POST', `/rule-sets/${encodeURIComponent(kind)}/validate`, document).then(
        (answer) => live && setResult({ text, validation: { state: 'checked', valid: answer.valid, issues: answer.issues } }),
        (error: Error) => live && setResult({ text, validation: { state: 'error', error } }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `document` is derived from `text`: the text is the key.
  }, [kind, text, parsed]);
  if (!parsed) return { state: 'syntax' };
  return result && result.text === text ? result.validation : { state: 'pending' };
}
