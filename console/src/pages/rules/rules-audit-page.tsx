import { Page } from '../../components/page';

export function RulesAuditPage() {
  return <Page title="Rules audit log">Not built yet.</Page>;
}
