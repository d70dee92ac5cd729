import { RetentionPlugin } from '../../../src/plugin-api/index.js';
import { consultingAttributes } from './attributes.js';
import { continuityFactsProvider } from './continuity.facts.js';
import { consultingDemoAttributes } from './demo-attributes.js';
import { planningFactsProvider } from './planning.facts.js';

/**
 * Consulting (DOMAIN.md section 10): retention means winning the next engagement. Facts about
 * continuity between projects, partner presence during gaps, the re-engagement rate and the annual
 * strategic planning cadence; rule packs and the follow-on renewal template live beside `src/`.
 */
@RetentionPlugin({
  facts: [continuityFactsProvider, planningFactsProvider],
  accountAttributes: consultingAttributes,
  demoAttributes: consultingDemoAttributes,
})
export default class ConsultingPlugin {}
