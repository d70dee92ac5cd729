/**
 * The domain's closed vocabularies (DOMAIN.md). Entities, zod schemas, the demo generator and
 * later the fact catalog all read these lists, so a value is spelled exactly once.
 */
export const INDUSTRIES = ['consulting', 'legal', 'accounting', 'agency', 'technology', 'other'] as const;
export const ACCOUNT_STATUSES = ['active', 'churned', 'won_back'] as const;
/** Why clients actually leave (DOMAIN.md section 5). */
export const CHURN_REASONS = [
  'taken_for_granted',
  'inconsistent_service_or_team_changes',
  'competitor_better_value',
  'budget_cuts_or_restructuring',
  'key_contact_left',
  'other',
] as const;

export const STAKEHOLDER_ROLES = ['decision_maker', 'champion', 'influencer', 'user', 'blocker'] as const;
export const SENIORITIES = ['c_level', 'vp', 'director', 'manager', 'staff'] as const;
export const RELATIONSHIP_STRENGTHS = ['strong', 'developing', 'weak', 'at_risk'] as const;

export const PERSON_TITLES = ['partner', 'principal', 'director', 'manager', 'senior', 'associate', 'staff'] as const;
export const DEPARTURE_KINDS = ['retirement', 'promotion', 'role_change', 'departure'] as const;
export const TEAM_ROLES = ['executive_sponsor', 'account_lead', 'delivery_lead', 'specialist'] as const;

export const CONTRACT_KINDS = ['retainer', 'project', 'matter', 'engagement_letter'] as const;
export const RENEWAL_STATUSES = ['not_started', 'in_progress', 'renewed', 'expanded', 'shrunk', 'lost'] as const;
export const ENGAGEMENT_STATUSES = ['planned', 'active', 'on_hold', 'completed', 'cancelled'] as const;

export const TOUCHPOINT_KINDS = ['executive', 'operational', 'strategic', 'maintenance'] as const;
export const TOUCHPOINT_CHANNELS = ['meeting', 'video', 'call', 'email', 'event', 'dinner', 'other'] as const;
export const TOUCHPOINT_DIRECTIONS = ['outbound', 'inbound'] as const;
export const TOUCHPOINT_OUTCOMES = ['held', 'cancelled', 'rescheduled', 'no_response'] as const;

export const SURVEY_KINDS = ['nps', 'csat'] as const;
export const ISSUE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** Things people or integrations notice that the numbers do not show (DOMAIN.md section 5). */
export const OBSERVATION_KINDS = [
  'competitor_mentioned',
  'new_executive',
  'exploring_options',
  'second_opinion',
  'rfp_issued',
  'comparison_questions',
  'discount_request',
  'unbundling_request',
  'rate_pushback',
  'refused_multi_month_commitment',
  'tone_shift',
  'no_strategic_input_requested',
  'other',
] as const;
/** For new_executive observations: which seat changed hands. */
export const EXECUTIVE_SEATS = ['sponsor', 'procurement', 'other'] as const;
export const OBSERVATION_SOURCES = ['person', 'integration'] as const;
export const TONES = ['positive', 'neutral', 'critical'] as const;

export const OPPORTUNITY_KINDS = ['cross_sell', 'upsell', 'cross_organisation'] as const;
export const OPPORTUNITY_STAGES = ['identified', 'qualified', 'proposed', 'negotiating', 'won', 'lost'] as const;

export const TASK_OWNER_ROLES = [
  'account_lead',
  'executive_sponsor',
  'partner',
  'delivery_lead',
  'specialist',
  'program_owner',
  'client_success',
] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TASK_SOURCES = ['manual', 'escalation', 'play', 'import', 'integration'] as const;

export type Industry = (typeof INDUSTRIES)[number];
export type ChurnReason = (typeof CHURN_REASONS)[number];
