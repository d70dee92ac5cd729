// The closed vocabularies the console filters by (spelled as in src/domain/vocabulary.ts).
export const INDUSTRIES = ['consulting', 'legal', 'accounting', 'agency', 'technology', 'other'] as const;
export const ACCOUNT_STATUSES = ['active', 'churned', 'won_back'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** Default tier names (rules/tier.json); a firm may rename them, the number is what filters. */
export const TIERS: { tier: number; name: string }[] = [
  { tier: 1, name: 'Transactional' },
  { tier: 2, name: 'Recurring' },
  { tier: 3, name: 'Strategic partner' },
  { tier: 4, name: 'Anchor' },
];

/** 'won_back' → 'Won back'. */
export const humanize = (value: string): string => {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

export const SEVERITY_COLOURS: Record<Severity, string> = { critical: '#7a0916', high: '#b42318', medium: '#b26a00', low: '#8ea0bf' };
/** Health bands of the default health rules: below 40 critical, below 60 intervention. */
export const BAND_COLOURS: Record<string, string> = { critical: '#b42318', intervention: '#b26a00', healthy: '#1b7f4b' };
