// Technology services (DOMAIN.md section 10): usage predicts churn, support quality drives
// retention, the implementation-to-support handover is a risk moment, releases are renewal moments.
import { RetentionPlugin } from '../../../src/plugin-api/index.js';
import { adoptionBaseline } from './adoption-baseline.activity.js';
import { adoptionFacts } from './adoption.facts.js';
import { technologyAttributes } from './attributes.js';
import { technologyDemoAttributes } from './demo-attributes.js';
import { handoverFacts } from './handover.facts.js';
import { releaseFacts } from './releases.facts.js';
import { supportFacts } from './support.facts.js';
import { withinNextDays } from './within-next-days.operator.js';

@RetentionPlugin({
  facts: [adoptionFacts, supportFacts, handoverFacts, releaseFacts],
  operators: [withinNextDays],
  activities: { adoptionBaseline },
  accountAttributes: technologyAttributes,
  demoAttributes: technologyDemoAttributes,
})
export default class TechnologyPlugin {}
