import { declareFacts } from '../fact-definition.js';
import type { FactProvider } from '../fact-provider.js';

export const SCORING_FACTS_PROVIDER_ID = 'core.scoring';

/**
 * Facts about the score itself. Scoring fills them (from the score being computed and the snapshot
 * history), so rules can react to the score; this provider only declares them and computes nothing.
 */
export const scoringFactsProvider: FactProvider = {
  id: SCORING_FACTS_PROVIDER_ID,
  facts: declareFacts(SCORING_FACTS_PROVIDER_ID, [
    { name: 'healthScore', type: 'number', unit: 'score', min: 0, max: 100, label: 'health score', description: 'The client health score (0-100) being computed: engagement, relationship depth, financial health and satisfaction components.' },
    { name: 'previousHealthScore', type: 'number', unit: 'score', min: 0, max: 100, label: 'previous health score', description: 'The score of the previous health snapshot of the account; null when there is none.' },
    { name: 'scoreChange30d', type: 'number', unit: 'points', min: -100, max: 100, label: 'score change in 30 days', description: 'Current score minus the score about 30 days ago; negative means decline; null without a snapshot that old.' },
    { name: 'scoreDrop30d', type: 'number', unit: 'points', min: 0, max: 100, label: 'score drop in 30 days', description: 'Highest score in the last 30 days minus the current score (0 when the score is at its 30-day high).' },
    { name: 'tier', type: 'number', min: 1, max: 4, label: 'relationship tier', description: 'Relationship tier: 1 transactional, 2 recurring, 3 strategic partner, 4 anchor.' },
    { name: 'activeSignalCount', type: 'number', unit: 'count', min: 0, label: 'active warning signals', description: 'Number of warning signals the rules raised for the account.' },
    { name: 'criticalSignalCount', type: 'number', unit: 'count', min: 0, label: 'critical warning signals', description: 'Number of raised warning signals of critical severity.' },
  ]),
  async compute() {
    return new Map();
  },
};
