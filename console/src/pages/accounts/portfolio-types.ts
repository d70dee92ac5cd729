import type { PortfolioAccount } from '../../../../src/portfolio/portfolio-account';

/** One row of GET /portfolio/accounts: the service's own type. */
export type { PortfolioAccount };

export interface PortfolioPage {
  total: number;
  items: PortfolioAccount[];
}
