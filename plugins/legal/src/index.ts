// The legal-industry plugin: partner succession, practice-area cross-sell, retainer vs matter work
// and conflict checks (DOMAIN.md section 10). Compiles against the plugin contract only.
import { RetentionPlugin } from '../../../src/plugin-api/index.js';
import { legalAttributesSchema } from './attributes.js';
import { conflictFactsProvider } from './conflicts.facts.js';
import { legalDemoAttributes } from './demo-attributes.js';
import { practiceFactsProvider } from './practice.facts.js';
import { successionFactsProvider } from './succession.facts.js';

@RetentionPlugin({
  facts: [successionFactsProvider, practiceFactsProvider, conflictFactsProvider],
  accountAttributes: legalAttributesSchema,
  demoAttributes: (view) => legalDemoAttributes(view),
})
export default class LegalPlugin {}
