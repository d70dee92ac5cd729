import type { AccountRow, ContractRow, EngagementRow, PersonRow, ServiceIssueRow, TeamAssignmentRow, TouchpointRow } from '../persistence/demo/rows.js';

/**
 * One demo account as generated, handed to a plugin's `demoAttributes` so the sample data it
 * adds (a fiscal year end, usage figures, conflict flags) fits the account's story. Dates are
 * 'YYYY-MM-DD' strings, instants are Dates, as in the rows.
 */
export interface DemoAccountView {
  account: Readonly<AccountRow>;
  /** The portfolio's "today" (YYYY-MM-DD). */
  asOf: string;
  /** Deterministic pseudo-random numbers in [0, 1), seeded by the plugin id and the account id. */
  random(): number;
  contracts: readonly Readonly<ContractRow>[];
  engagements: readonly Readonly<EngagementRow>[];
  touchpoints: readonly Readonly<TouchpointRow>[];
  serviceIssues: readonly Readonly<ServiceIssueRow>[];
  teamAssignments: readonly Readonly<TeamAssignmentRow>[];
  /** The firm's people (every account's team members are among them). */
  people: ReadonlyMap<string, Readonly<PersonRow>>;
}
