import { ratio } from './ratio.js';

export interface AcquisitionSpend {
  partnerHours: number;
  hourlyRate: number;
  marketingSpend: number;
  proposalCosts: number;
  otherCosts: number;
}

/** Everything spent to win new clients: partner time at its rate plus marketing, proposals and other costs. */
export function acquisitionSpend(spend: AcquisitionSpend): { partnerCost: number; totalCost: number } {
  const partnerCost = Math.round(spend.partnerHours * spend.hourlyRate * 100) / 100;
  const totalCost = Math.round((partnerCost + spend.marketingSpend + spend.proposalCosts + spend.otherCosts) * 100) / 100;
  return { partnerCost, totalCost };
}

/**
 * CAC (DOMAIN.md §9) = everything spent to win new clients / number won. 200 h × $300 + $20,000 +
 * $15,000 = $95,000 for 10 clients → $9,500. Null when no client was won.
 */
export function cac(spend: AcquisitionSpend, clientsWon: number): number | null {
  return ratio(acquisitionSpend(spend).totalCost, clientsWon);
}
