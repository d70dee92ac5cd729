/**
 * Where to go after signing in: the `next` query parameter when it is a console path. Anything else
 * (another origin, `//host`, the sign-in page itself) falls back to the dashboard.
 */
export function nextPath(query: URLSearchParams): string {
  const next = query.get('next') ?? '';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

/** The sign-in link that comes back to `path` (path + query of the view) afterwards. */
export function loginPath(path: string): string {
  return path === '/' ? '/login' : `/login?${new URLSearchParams({ next: path })}`;
}
