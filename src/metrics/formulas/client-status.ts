/** What decides whether an account was a client on a given day. */
export interface ClientTimeline {
  clientSince: string;
  /** The churn day (status churned or won_back), else null. */
  lostOn: string | null;
  /** The day a churned client came back (status won_back), else null. */
  wonBackOn: string | null;
}

/**
 * A client at the end of `day`: it started on or before it, and it had not left — or it left and
 * had been won back by then. The churn day itself is no longer a client day.
 */
export function isClientOn(account: ClientTimeline, day: string): boolean {
  if (account.clientSince > day) return false;
  if (account.lostOn === null || account.lostOn > day) return true;
  return account.wonBackOn !== null && account.wonBackOn <= day;
}

/** Lost on `day`: churned on or before it and not (yet) won back. */
export function isLostOn(account: ClientTimeline, day: string): boolean {
  return account.lostOn !== null && account.lostOn <= day && !(account.wonBackOn !== null && account.wonBackOn <= day);
}
