import { declareFacts, FactClock, pluginAttributesOf, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { readAttributes } from './attributes.js';

export const RELEASES_PROVIDER_ID = 'technology.releases';

/**
 * Product evolution creates renewal moments: the next release relevant to the client is a reason
 * to brief them and talk about the next contract. One query per batch (the attributes).
 */
export const releaseFacts: FactProvider = {
  id: RELEASES_PROVIDER_ID,
  facts: declareFacts(RELEASES_PROVIDER_ID, [
    { name: 'technology.daysToNextRelease', type: 'number', unit: 'days', min: 0, max: 3650, label: 'days to the next release', description: "Whole days from asOf to the next release relevant to the client on or after asOf's day (0: today); null when none is planned." },
    { name: 'technology.nextReleaseName', type: 'string', label: 'next release', description: 'Name of that next release; null when none is planned.' },
  ]),

  async compute(ctx: FactBatchContext) {
    const clock = new FactClock(ctx.asOf);
    const out = new Map<string, Partial<FactValues>>();
    for (const [accountId, raw] of await pluginAttributesOf(ctx, 'technology')) {
      const releases = readAttributes(raw)?.releases ?? [];
      // Dates compare as 'YYYY-MM-DD' strings; the earliest upcoming one wins (ties: first listed).
      const next = releases.filter((r) => r.on >= clock.asOfDate).reduce<(typeof releases)[number] | undefined>((best, r) => (!best || r.on < best.on ? r : best), undefined);
      out.set(accountId, { 'technology.daysToNextRelease': next ? clock.daysUntil(next.on) : null, 'technology.nextReleaseName': next?.name ?? null });
    }
    return out;
  },
};
