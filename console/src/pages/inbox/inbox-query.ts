import { query as toQuery } from '../../api/client';
import { session } from '../../session';
import { OWNER_ROLES, STATUSES } from './inbox-types';

export const PAGE_SIZE = 50;
/** `?owner=all`: everyone's tasks (a program owner's view); otherwise a person id. */
export const EVERYONE = 'all';

export interface InboxFilters {
  owner: string; // person id, EVERYONE, or '' (not chosen yet)
  status: string;
  overdue: boolean;
  role: string;
  page: number;
}

/** The inbox's filters live in the URL so a filtered inbox is a link one can share. */
export function readInboxFilters(query: URLSearchParams): InboxFilters {
  const status = query.get('status') ?? 'open';
  const role = query.get('role') ?? '';
  const page = Number(query.get('page'));
  return {
    owner: query.get('owner') ?? '',
    status: status in STATUSES ? status : 'open',
    overdue: query.get('overdue') === 'true',
    role: role in OWNER_ROLES ? role : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function inboxPath(f: InboxFilters): string {
  return `/inbox${toQuery({ owner: f.owner, status: f.status === 'open' ? '' : f.status, overdue: f.overdue ? 'true' : '', role: f.role, page: f.page > 1 ? f.page : '' })}`;
}

export function inboxRequest(f: InboxFilters): string {
  return `/inbox${toQuery({
    ownerPersonId: f.owner && f.owner !== EVERYONE ? f.owner : '',
    ownerRole: f.role,
    status: f.status,
    overdue: f.overdue ? 'true' : '',
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
  })}`;
}

/** The person last chosen in the inbox, remembered per firm (before it, the signed-in user's own person is used). */
const ownerKey = () => `retention.inbox.owner.${session.tenant()}`;
export const rememberedOwner = {
  get: (): string => localStorage.getItem(ownerKey()) ?? '',
  set: (owner: string) => localStorage.setItem(ownerKey(), owner),
};
