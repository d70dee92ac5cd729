import { Page } from '../../components/page';

export function AccountPage({ accountId }: { accountId: string }) {
  return <Page title="Account">{accountId}</Page>;
}
