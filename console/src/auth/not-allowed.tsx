import { Link } from '../router';
import { useSession } from './session-context';
import { rolesText, type Permission } from './roles';

/** Shown instead of an action or a view the signed-in roles do not grant: says why, and what would. */
export function NotAllowed({ permission, what, needs }: { permission: Permission; what: string; needs: string }) {
  const { me } = useSession();
  return (
    <p className="not-allowed muted" role="note">
      {what} needs {needs} (permission <code>{permission}</code>); you are signed in as {rolesText(me.roles) || 'no role'}. <Link to="/settings">Your session</Link>
    </p>
  );
}
