import { api } from '../api/client';
import { navigate } from '../router';
import { session, type StoredSession } from '../session';

export interface SignInForm {
  tenant: string;
  email: string;
  password: string;
}

/** POST /auth/login; on success the session is stored (the token is kept only in this browser's localStorage). */
export async function signIn(form: SignInForm): Promise<StoredSession> {
  session.clear(); // a sign-in replaces whoever was signed in; the request goes without a token
  const answer = await api.send<StoredSession>('POST', '/auth/login', form);
  const stored: StoredSession = { token: answer.token, expiresAt: answer.expiresAt, user: answer.user };
  session.save(stored);
  return stored;
}

/** Forgets the token on this browser and shows the sign-in page (no `next`: a fresh start). */
export function signOut(): void {
  session.clear('You signed out.');
  navigate('/login', { replace: true });
}
