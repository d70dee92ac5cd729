// Accounting and tax firms (DOMAIN.md section 10): annual audit and tax cycles are the natural
// checkpoints, compliance work is the baseline, and the risk is being seen as a compliance vendor.
import { RetentionPlugin } from '../../../src/plugin-api/index.js';
import { accountingAttributesSchema } from './attributes.js';
import { calendarFacts } from './calendar.facts.js';
import { accountingOperators } from './deadline.operators.js';
import { accountingDemoAttributes } from './demo-attributes.js';
import { engagementLetterFacts } from './engagement-letter.facts.js';
import { accountingActivities } from './season-recap.activities.js';
import { serviceMixFacts } from './service-mix.facts.js';
import { deliveryFacts } from './delivery.facts.js';

@RetentionPlugin({
  facts: [calendarFacts, serviceMixFacts, deliveryFacts, engagementLetterFacts],
  operators: accountingOperators,
  activities: accountingActivities,
  accountAttributes: accountingAttributesSchema,
  demoAttributes: accountingDemoAttributes,
})
export default class AccountingPlugin {}
