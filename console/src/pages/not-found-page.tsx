import { Page } from '../components/page';
import { Link } from '../router';

export function NotFoundPage() {
  return (
    <Page title="Not found">
      <p>
        There is no such view. <Link to="/">Back to the dashboard</Link>
      </p>
    </Page>
  );
}
