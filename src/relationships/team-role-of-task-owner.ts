/**
 * The account-team role that owns tasks addressed to a task role, so a task lands with the
 * right person on the account's team (a partner task goes to the executive sponsor).
 */
export const TEAM_ROLE_OF_TASK_OWNER: Readonly<Record<string, 'account_lead' | 'executive_sponsor' | 'delivery_lead' | 'specialist'>> = {
  account_lead: 'account_lead',
  executive_sponsor: 'executive_sponsor',
  partner: 'executive_sponsor',
  delivery_lead: 'delivery_lead',
  specialist: 'specialist',
};
