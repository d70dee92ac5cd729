/** One cadence requirement as the health snapshot stores it (rules/cadence.json, per tier). */
export interface CadenceRequirement {
  touchpointKind: string;
  everyDays: number;
  applicable: boolean;
}

/**
 * Whether an account is within its cadence on a day: every applicable requirement had a held
 * touchpoint of its kind within `everyDays` days (a client never touched is overdue once it has
 * been a client longer than that), the same rule as the snapshot's `overdue` flag.
 */
export function withinCadence(requirements: readonly CadenceRequirement[], daysSinceLastByKind: ReadonlyMap<string, number>, clientDays: number): boolean {
  return requirements.every((r) => {
    if (!r.applicable) return true;
    const since = daysSinceLastByKind.get(r.touchpointKind);
    return since === undefined ? clientDays <= r.everyDays : since <= r.everyDays;
  });
}
