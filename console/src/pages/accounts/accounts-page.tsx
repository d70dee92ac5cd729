import { Page } from '../../components/page';

export function AccountsPage() {
  return <Page title="Accounts">Not built yet.</Page>;
}
