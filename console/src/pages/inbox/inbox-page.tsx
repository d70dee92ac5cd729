import { Page } from '../../components/page';

export function InboxPage() {
  return <Page title="Task inbox">Not built yet.</Page>;
}
