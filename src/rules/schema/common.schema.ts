import { z } from 'zod';
import { topLevelConditionSchema } from './condition.schema.js';

export const ruleId = () => z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'expected a lowercase id of letters, digits and dashes');
/** Text shown to people; `{{factName}}` placeholders are filled with the account's fact values. */
export const template = () => z.string().min(1).max(500);
export const describedRule = {
  id: ruleId(),
  description: z.string().min(1).max(1000),
  conditions: topLevelConditionSchema,
};
export const header = {
  /** Editors' JSON Schema reference (e.g. "./schema/health.schema.json"); ignored by the service. */
  $schema: z.string().max(500).optional(),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).default(''),
};

/** Ids must be unique within their list: duplicates would make explanations ambiguous. */
export function uniqueIds<T extends { id: string }>(items: T[], ctx: z.RefinementCtx, listPath: (string | number)[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: [...listPath, index, 'id'], message: `duplicate id '${item.id}' (also at ${listPath.join('.')}[${first}])` });
    seen.set(item.id, index);
  });
}
