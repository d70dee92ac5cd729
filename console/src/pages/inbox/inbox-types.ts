// Shapes of GET /inbox and GET /people, and the task vocabulary as people read it.

/** One task of GET /inbox: the service's own type. */
import type { InboxItem } from '../../../../src/inbox/inbox-item';

export type { InboxItem };

export interface InboxPage {
  total: number;
  items: InboxItem[];
}

export interface PersonRow {
  id: string;
  name: string;
  title: string;
  practiceArea: string | null;
}

/** Task owner roles (src/domain/vocabulary.ts TASK_OWNER_ROLES), in the service's order. */
export const OWNER_ROLES: Record<string, string> = {
  account_lead: 'Account lead',
  executive_sponsor: 'Executive sponsor',
  partner: 'Partner',
  delivery_lead: 'Delivery lead',
  specialist: 'Specialist',
  program_owner: 'Program owner',
  client_success: 'Client success',
};

export const STATUSES: Record<string, string> = { open: 'Open', done: 'Completed', cancelled: 'Cancelled', all: 'All' };

const PLAYS: Record<string, string> = {
  renewal: 'Renewal planning',
  recovery: 'Recovery plan',
  win_back: 'Win-back',
  succession: 'Succession handoff',
  onboarding: 'Onboarding',
  cadence: 'Touchpoint cadence',
  competitive_defence: 'Competitive defence',
};

const SOURCES: Record<string, string> = { manual: 'Manual', escalation: 'Escalation', play: 'Play', import: 'Import', integration: 'Integration' };

export const roleLabel = (role: string) => OWNER_ROLES[role] ?? role;
export const playLabel = (play: string) => PLAYS[play] ?? play;
export const sourceLabel = (source: string) => SOURCES[source] ?? source;
