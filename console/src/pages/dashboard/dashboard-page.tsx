import { Page } from '../../components/page';

export function DashboardPage() {
  return <Page title="Portfolio dashboard">Not built yet.</Page>;
}
