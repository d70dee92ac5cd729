import type { DemoChurnReason } from './profiles.js';
import type { DemoIndustry } from './roster.js';

/** Titles, summaries and comments of the demo portfolio. */

/** [title, service line] of project-like contracts per industry. */
export const PROJECT_TOPICS: Record<DemoIndustry, readonly (readonly [string, string])[]> = {
  consulting: [
    ['Operating model redesign', 'Operations'],
    ['Supply chain diagnostic', 'Supply Chain'],
    ['Pricing strategy refresh', 'Pricing'],
    ['Post-merger integration', 'Transformation'],
    ['Cost transformation programme', 'Transformation'],
    ['Growth strategy', 'Strategy'],
    ['Customer experience review', 'Strategy'],
    ['Procurement excellence', 'Operations'],
    ['Digital strategy roadmap', 'Strategy'],
    ['Commercial due diligence', 'Due Diligence'],
    ['Spans and layers review', 'Organisation Design'],
    ['Market entry assessment', 'Strategy'],
    ['Working capital programme', 'Operations'],
    ['Network footprint study', 'Supply Chain'],
  ],
  legal: [
    ['Commercial contract dispute', 'Litigation'],
    ['Acquisition of a regional competitor', 'M&A'],
    ['Wrongful termination claim', 'Employment'],
    ['Trademark portfolio review', 'Intellectual Property'],
    ['Regulatory investigation response', 'Regulatory'],
    ['Headquarters lease renegotiation', 'Real Estate'],
    ['Patent infringement defence', 'Intellectual Property'],
    ['Data privacy compliance review', 'Regulatory'],
    ['Supplier arbitration', 'Litigation'],
    ['Board governance review', 'Corporate'],
    ['Series C financing', 'Corporate'],
    ['Class action defence', 'Litigation'],
    ['Executive compensation plan', 'Employment'],
    ['Joint venture agreement', 'Corporate'],
  ],
  accounting: [
    ['Internal controls review', 'Advisory'],
    ['ERP finance readiness', 'Advisory'],
    ['R&D tax credit study', 'Tax'],
    ['Transaction advisory', 'Advisory'],
    ['Cash-flow forecasting model', 'Advisory'],
    ['Sales tax nexus review', 'Tax'],
    ['Cost segregation study', 'Tax'],
    ['Payroll process redesign', 'Payroll'],
    ['Fraud investigation', 'Forensic Accounting'],
  ],
  agency: [
    ['Spring launch campaign', 'Creative'],
    ['Summer campaign', 'Media Buying'],
    ['Back-to-school campaign', 'Digital'],
    ['Holiday campaign', 'Creative'],
    ['Brand refresh', 'Brand'],
    ['Product launch campaign', 'Digital'],
    ['Website redesign', 'Digital'],
    ['Social media push', 'Social'],
    ['Trade show campaign', 'Content'],
    ['Thought-leadership content series', 'Content'],
  ],
  technology: [
    ['ERP implementation', 'Implementation'],
    ['Cloud migration', 'Cloud Migration'],
    ['Data platform build', 'Data & Analytics'],
    ['CRM rollout', 'Implementation'],
    ['Security assessment', 'Security'],
    ['Network modernisation', 'Implementation'],
    ['Identity management rollout', 'Security'],
    ['Analytics dashboard programme', 'Data & Analytics'],
    ['Integration platform upgrade', 'Implementation'],
    ['Disaster recovery setup', 'Cloud Migration'],
  ],
};

export const OPERATIONAL_SUMMARIES: Record<DemoIndustry, readonly string[]> = {
  consulting: ['Weekly steering update', 'Workstream status review', 'Milestone review', 'Project retrospective', 'Interim findings walkthrough'],
  legal: ['Matter status call', 'Case strategy update', 'Document review check-in', 'Deal timetable call', 'Hearing preparation'],
  accounting: ['Audit fieldwork status', 'Tax filing status call', 'Month-end close check-in', 'Tax provision review', 'PBC list follow-up'],
  agency: ['Campaign stand-up', 'Creative review', 'Media performance check-in', 'Content calendar review', 'Launch readiness call'],
  technology: ['Sprint review', 'Monthly service review', 'Incident follow-up', 'Release planning', 'Go-live readiness check'],
};

export const STRATEGIC_SUMMARIES = [
  'Shared industry insight',
  'Webinar invitation',
  'Introduced colleagues from another practice',
  'Proactive recommendation memo',
  'Client roundtable invitation',
  'Benchmark report shared',
  'Regulatory update briefing',
];

export const MAINTENANCE_SUMMARIES = ['No-agenda check-in call', 'Congratulations on company news', 'Monthly 15-minute check-in', 'Coffee catch-up'];

export const ISSUE_TEMPLATES: Record<DemoIndustry, readonly (readonly [string, string])[]> = {
  consulting: [
    ['Deliverable quality below expectations', 'quality'],
    ['Milestone slipped without warning', 'timeliness'],
    ['Key consultant rotated off the team', 'staffing'],
    ['Scope change not raised with the steering committee', 'communication'],
  ],
  legal: [
    ['Filing deadline nearly missed', 'timeliness'],
    ['Invoice disputed: unexpected hours', 'billing'],
    ['Slow response on urgent question', 'communication'],
    ['Matter handed to a junior associate without consultation', 'staffing'],
  ],
  accounting: [
    ['Tax return filed on extension without notice', 'timeliness'],
    ['Audit adjustment identified late', 'quality'],
    ['Fee overrun on year-end close', 'billing'],
    ['Missed quarterly estimate reminder', 'communication'],
  ],
  agency: [
    ['Campaign creative off-brand', 'quality'],
    ['Launch assets delivered late', 'timeliness'],
    ['Campaign results report unclear', 'reporting'],
    ['Account manager changed mid-campaign', 'staffing'],
  ],
  technology: [
    ['P1 outage: slow incident response', 'support'],
    ['Go-live defects in integration', 'quality'],
    ['Implementation milestone missed', 'timeliness'],
    ['SLA breach on ticket backlog', 'support'],
  ],
};

export const NPS_COMMENTS = {
  promoter: ['Great partnership; the team anticipates our needs.', 'Always a step ahead of us.', 'Would recommend without hesitation.', 'Strong team, real business impact.'],
  passive: ['Good work, but we would like more proactive ideas.', 'Solid delivery, pricing is a concern.', 'Fine overall; communication could be better.'],
  detractor: ['We feel like just another client.', 'Too many team changes this year.', 'Not sure we are getting value for money.', 'Responses have been slow lately.'],
};

export const CHURN_NOTES: Record<DemoChurnReason, readonly string[]> = {
  taken_for_granted: ['Client said we stopped bringing ideas; renewal went quiet and lapsed.', 'No strategic conversations in the last year; they moved the work in-house.'],
  inconsistent_service_or_team_changes: ['Third account lead in eighteen months; client lost confidence.', 'Repeated delivery slips after the team rotated.'],
  competitor_better_value: ['Moved to a specialist competitor offering a broader bundle.', 'Lost a competitive RFP on value and sector specialisation.'],
  budget_cuts_or_restructuring: ['Client restructured and cut external advisory spend.', 'Budget consolidation after an acquisition; work paused indefinitely.'],
  key_contact_left: ['Our champion left; the new executive brought their own advisors.', 'Sponsor retired and the successor consolidated suppliers.'],
  other: ['Client was acquired; the parent uses its own panel firms.', 'Engagement ended by mutual agreement.'],
};

export const PLAN_OBJECTIVES = [
  'Secure the multi-year renewal',
  'Establish quarterly executive business reviews',
  'Multi-thread the relationship into finance and operations',
  'Grow share of wallet by ten points',
  'Deliver documented ROI evidence for the current programme',
  'Introduce a second practice to the client',
  'Join the client annual planning cycle',
  'Convert project work into a standing retainer',
  'Build a relationship with the new leadership team',
];

export const PLAN_RISKS = [
  { risk: 'Relationship concentrated in one champion', mitigation: 'Introduce the delivery lead and sponsor to two more directors this quarter' },
  { risk: 'Competitor pitching lower rates', mitigation: 'Run a value audit and present outcomes at the next business review' },
  { risk: 'Budget pressure at the client', mitigation: 'Offer phased scope and flexible terms ahead of the renewal' },
  { risk: 'Renewal decision within the next two quarters', mitigation: 'Start renewal planning six months ahead with a value recap' },
  { risk: 'Being seen as a compliance vendor', mitigation: 'Bring two proactive advisory ideas to every quarterly review' },
  { risk: 'Team rotation on the delivery side', mitigation: 'Keep the core team stable through the next milestone and announce any change early' },
];

export const WALLET_SOURCES = ['Account planning estimate', 'Annual report analysis', 'Industry benchmark', 'Client procurement disclosure'];
