import { Page } from '../../components/page';
import { Link } from '../../router';

/** The account does not exist for this firm (or belongs to another one: indistinguishable by design). */
export function NoSuchAccount({ accountId }: { accountId: string }) {
  return (
    <Page title="No such account">
      <div className="panel">
        <p>
          There is no account <code>{accountId}</code> in this firm. It may have been deleted, or the link may belong to another firm.
        </p>
        <p>
          <Link to="/accounts">Find the account in the list</Link>
        </p>
      </div>
    </Page>
  );
}
