import { inboxQuery } from '../../inbox/inbox.query.js';
import { portfolioAccountsQuery } from '../../portfolio/portfolio-accounts.query.js';
import { queryParameters } from './json-schema.js';

type Json = Record<string, unknown>;

/** OpenAPI paths of the read views behind the console: the account list and the task inbox. */
export function portfolioAndInboxPaths(prefix: string, tenantHeader: Json, errors: Json): Json {
  return {
    [`${prefix}/portfolio/accounts`]: {
      get: {
        tags: ['portfolio'],
        summary: 'Accounts with their current health, most severe signal, owner and next renewal (filter, sort, page)',
        parameters: [tenantHeader, ...queryParameters(portfolioAccountsQuery)],
        responses: { '200': { description: '{ total, items[] }' }, ...errors },
      },
    },
    [`${prefix}/inbox`]: {
      get: {
        tags: ['tasks'],
        summary: "A person's tasks from plays, escalations and by hand, with account, owner and play (complete/reassign: /tasks/{id}/…)",
        parameters: [tenantHeader, ...queryParameters(inboxQuery)],
        responses: { '200': { description: '{ total, items[] }' }, ...errors },
      },
    },
  };
}
