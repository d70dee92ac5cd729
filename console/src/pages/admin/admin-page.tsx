import { useMemo } from 'react';
import { useApi } from '../../api/use-api';
import { NotAllowed } from '../../auth/not-allowed';
import { useSession } from '../../auth/session-context';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/status';
import type { ApiKeyRow, PersonOption, UserRow } from './admin-types';
import { ApiKeysPanel } from './api-keys-panel';
import { UsersPanel } from './users-panel';
import './admin.css';

/** `/admin`: the firm's users (who signs in, with which roles) and its integrations' API keys. */
export function AdminPage() {
  const { can } = useSession();
  if (!can('access.manage')) {
    return (
      <Page title="Admin">
        <NotAllowed permission="access.manage" what="Managing users and API keys" needs="the Admin role" />
      </Page>
    );
  }
  return <AdminViews />;
}

function AdminViews() {
  const { me } = useSession();
  const users = useApi<{ items: UserRow[] }>('/users');
  const keys = useApi<{ items: ApiKeyRow[] }>('/api-keys');
  const people = useApi<{ items: PersonOption[] }>('/people?limit=500');
  const sortedPeople = useMemo(() => [...(people.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [people.data]);
  return (
    <Page title="Admin">
      {(users.state === 'loading' || people.state === 'loading') && <Loading what="users" />}
      {users.state === 'error' && <ErrorPanel error={users.error} onRetry={users.reload} />}
      {people.state === 'error' && <ErrorPanel error={people.error} onRetry={people.reload} />}
      {users.state === 'ready' && people.state === 'ready' && <UsersPanel users={users.data.items} people={sortedPeople} selfId={me.subject} onChanged={users.reload} />}
      {keys.state === 'loading' && <Loading what="API keys" />}
      {keys.state === 'error' && <ErrorPanel error={keys.error} onRetry={keys.reload} />}
      {keys.state === 'ready' && <ApiKeysPanel keys={keys.data.items} onChanged={keys.reload} />}
    </Page>
  );
}
