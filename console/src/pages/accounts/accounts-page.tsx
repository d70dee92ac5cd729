import { useApi } from '../../api/use-api';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/status';
import { navigate, useLocation } from '../../router';
import { AccountsFilters } from './accounts-filters';
import { accountsPath, PAGE_SIZE, portfolioRequest, readAccountsQuery } from './accounts-query';
import { AccountsTable } from './accounts-table';
import type { PortfolioPage } from './portfolio-types';
import './accounts.css';

/** Every account with its health at a glance: searchable, filterable, sortable, paged. */
export function AccountsPage() {
  const { query: raw } = useLocation();
  const query = readAccountsQuery(raw);
  const page = useApi<PortfolioPage>(portfolioRequest(query));
  const go = (n: number) => navigate(accountsPath({ ...query, page: n }));
  return (
    <Page title="Accounts">
      <AccountsFilters query={query} />
      {page.state === 'loading' && <Loading what="accounts" />}
      {page.state === 'error' && <ErrorPanel error={page.error} onRetry={page.reload} />}
      {page.state === 'ready' && (
        <div className="panel">
          <p className="muted" aria-live="polite">
            {page.data.total === 0
              ? 'No accounts match.'
              : `${(query.page - 1) * PAGE_SIZE + 1}–${Math.min(query.page * PAGE_SIZE, page.data.total)} of ${page.data.total} accounts`}
          </p>
          {page.data.items.length > 0 && <AccountsTable items={page.data.items} query={query} />}
          {page.data.total > PAGE_SIZE && (
            <nav className="pager" aria-label="Pages">
              <button type="button" className="secondary" disabled={query.page <= 1} onClick={() => go(query.page - 1)}>
                Previous page
              </button>
              <span>
                Page {query.page} of {Math.ceil(page.data.total / PAGE_SIZE)}
              </span>
              <button type="button" className="secondary" disabled={query.page * PAGE_SIZE >= page.data.total} onClick={() => go(query.page + 1)}>
                Next page
              </button>
            </nav>
          )}
        </div>
      )}
    </Page>
  );
}
