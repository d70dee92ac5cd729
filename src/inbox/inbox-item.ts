import type { TASK_STATUSES } from '../domain/vocabulary.js';

/** One task of GET /inbox, with its account, owner and play (a type-only file: the console imports it too). */
export interface InboxItem {
  id: string;
  title: string;
  description: string | null;
  status: (typeof TASK_STATUSES)[number];
  dueOn: string | null;
  overdue: boolean;
  ownerRole: string;
  source: string;
  sourceRef: string | null;
  completedAt: string | null;
  createdAt: string;
  owner: { id: string; name: string } | null;
  account: { id: string; name: string; tier: number | null } | null;
  play: { id: string; play: string; status: string } | null;
}
