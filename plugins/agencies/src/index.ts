import { RetentionPlugin } from '../../../src/plugin-api/index.js';
import { agencyAttributesSchema } from './attributes.js';
import { campaignFacts } from './campaigns.facts.js';
import { creativeResultsFacts } from './creative-results.facts.js';
import { agencyDemoAttributes } from './demo-attributes.js';
import { resultsDigest } from './results-digest.activity.js';
import { retainerFacts } from './retainer.facts.js';
import { teamFacts } from './team.facts.js';

/**
 * Marketing and creative agencies (DOMAIN.md section 10): month-to-month retainers, intense
 * campaigns with quiet gaps between them, renewal decided by campaign results, creative freshness
 * and account-team stability. Rule packs and the recovery template live in rules/ and play-templates/.
 */
@RetentionPlugin({
  facts: [campaignFacts, retainerFacts, teamFacts, creativeResultsFacts],
  activities: { resultsDigest },
  accountAttributes: agencyAttributesSchema,
  demoAttributes: agencyDemoAttributes,
})
export default class AgenciesPlugin {}
