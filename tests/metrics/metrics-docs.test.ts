import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS, METRIC_IDS } from '../../src/metrics/definitions/metric-definitions.js';
import { TABLE_DEFINITIONS, TABLE_NAMES } from '../../src/metrics/definitions/table-definitions.js';

const docs = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');

/** "Each figure's definition is documented next to it": the API's text and docs/metrics.md never drift apart. */
describe('docs/metrics.md', () => {
  it('documents every figure under its id with the exact definition the API returns, and its target', () => {
    for (const id of METRIC_IDS) {
      const d = METRIC_DEFINITIONS[id];
      expect(docs, id).toContain(`### ${d.label} (\`${id}\`)\n\n> ${d.definition}\n`);
      if ('target' in d) expect(docs.slice(docs.indexOf(`(\`${id}\`)`)).split('\n### ')[0], id).toContain(`**${d.target}**`);
    }
  });

  it('documents every table with the exact definition the API returns', () => {
    for (const name of TABLE_NAMES) {
      expect(docs, name).toContain(`### \`${name}\` — ${TABLE_DEFINITIONS[name].label}\n\n> ${TABLE_DEFINITIONS[name].definition}\n`);
    }
  });
});
