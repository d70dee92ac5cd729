import { Page } from '../../components/page';

export function RuleSetsPage() {
  return <Page title="Rule sets">Not built yet.</Page>;
}
