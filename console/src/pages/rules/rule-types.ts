// Shapes of the rule-authoring API (src/rule-authoring/), as the console reads them.

export interface RuleSetSummary {
  kind: string;
  plugin: string | null;
  name: string;
  activeVersion: number;
  hash: string;
  revision: number;
  latestVersion: number;
  drafts: number[];
}

export interface RuleSetVersionRow {
  version: number;
  status: 'draft' | 'published';
  hash: string;
  basedOnVersion: number | null;
  createdBy: string;
  createdAt: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  publishReason: string | null;
}

export interface VersionList {
  kind: string;
  activeVersion: number;
  versions: RuleSetVersionRow[];
}

export interface RuleSetVersionDocument {
  kind: string;
  version: number;
  document: Record<string, unknown>;
  hash: string;
  status: string;
}

export interface RuleIssue {
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface ValidationAnswer {
  valid: boolean;
  issues: RuleIssue[];
}

export interface RuleChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface DraftAnswer {
  kind: string;
  version: number;
  status: string;
  hash: string;
  basedOnVersion: number;
  changes: RuleChange[];
}

export interface SwitchAnswer {
  kind: string;
  activeVersion: number;
  previousVersion: number;
  revision: number;
  rescoring: 'started';
}

export interface Distribution {
  tiers: Record<string, number>;
  bands: Record<string, number>;
  scoreHistogram: number[];
  averageScore: number;
  signals: Record<string, number>;
}

interface Who {
  accountId: string;
  name: string;
}

export interface SimulationReport {
  kind: string;
  asOf: string;
  accounts: number;
  changedAccounts: number;
  tierChanges: (Who & { from: number; to: number })[];
  stageChanges: (Who & { from: number; to: number })[];
  scoreChanges: (Who & { from: number; to: number; delta: number })[];
  signalChanges: (Who & { added: string[]; removed: string[] })[];
  escalations: {
    current: Record<string, number>;
    candidate: Record<string, number>;
    onlyWithCandidate: (Who & { protocol: string })[];
    onlyWithCurrent: (Who & { protocol: string })[];
  };
  distribution: { before: Distribution; after: Distribution };
}

export interface AuditEntry {
  id: string;
  createdAt: string;
  kind: string;
  action: 'draft_submitted' | 'published' | 'rolled_back' | 'publish_rejected';
  version: number;
  fromVersion: number | null;
  actor: string;
  reason: string | null;
  changes: RuleChange[];
}

export const AUDIT_ACTION_LABELS: Record<AuditEntry['action'], string> = {
  draft_submitted: 'Draft submitted',
  published: 'Published',
  rolled_back: 'Rolled back',
  publish_rejected: 'Publish rejected',
};

/** `/rules/health?version=3`: a rule-set version's own link. */
export const versionLink = (kind: string, version: number) => `/rules/${encodeURIComponent(kind)}?version=${version}`;
export const versionLabel = (version: number) => (version === 0 ? 'v0 (shipped)' : `v${version}`);
