import { Page } from '../../components/page';

export function RuleSetPage({ kind }: { kind: string }) {
  return <Page title={`Rule set ${kind}`}>Not built yet.</Page>;
}
