import type { Rng } from './random.js';

/** Word lists of the demo portfolio: fictional companies, people and competitors (all domains are `.example`). */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Steven', 'Emily',
  'Andrew', 'Michelle', 'Joshua', 'Amanda', 'Kevin', 'Melissa', 'Brian', 'Rebecca', 'George', 'Laura',
  'Timothy', 'Stephanie', 'Ronald', 'Carolyn', 'Jason', 'Christine', 'Ryan', 'Rachel', 'Jacob', 'Catherine',
  'Gary', 'Diana', 'Nicholas', 'Olivia', 'Eric', 'Hannah', 'Jonathan', 'Grace', 'Samuel', 'Priya',
  'Arjun', 'Mei', 'Wei', 'Yuki', 'Hiroshi', 'Sofia', 'Mateo', 'Lucia', 'Diego', 'Amara',
  'Kwame', 'Fatima', 'Omar', 'Leila', 'Tariq', 'Ingrid', 'Lars', 'Anika', 'Henrik', 'Chloe',
  'Noah', 'Isabel', 'Elena', 'Marcus', 'Julian', 'Nadia', 'Victor', 'Helen', 'Raj', 'Ananya',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker',
  'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Patel', 'Shah', 'Chen', 'Wang',
  'Kim', 'Park', 'Tanaka', 'Sato', 'Okafor', 'Mensah', 'Haddad', 'Khan', 'Novak', 'Kowalski',
  'Schmidt', 'Fischer', 'Larsen', 'Johansson', 'Rossi', 'Bianchi', 'Dubois', 'Moreau', "O'Brien", 'Murphy',
  'Sullivan', 'Bennett', 'Brooks', 'Hughes', 'Foster', 'Reed', 'Morgan', 'Bell', 'Cooper', 'Ward',
  'Price', 'Hayes', 'Ellison', 'Whitfield', 'Ashford', 'Pemberton', 'Calloway', 'Sinclair', 'Fairbanks', 'Holloway',
];

/** Client sectors (the account's `segment`) with nouns that make company names sound like that sector. */
export const SECTORS = [
  { segment: 'Financial Services', nouns: ['Capital', 'Financial', 'Bancorp', 'Trust', 'Asset Management', 'Insurance', 'Credit Union', 'Securities', 'Wealth'] },
  { segment: 'Healthcare', nouns: ['Health', 'Medical', 'Care Partners', 'Clinics', 'Health System', 'Biosciences', 'Pharma', 'Diagnostics', 'Therapeutics'] },
  { segment: 'Manufacturing', nouns: ['Industries', 'Manufacturing', 'Components', 'Fabrication', 'Machinery', 'Plastics', 'Metals', 'Precision', 'Tooling'] },
  { segment: 'Retail & Consumer', nouns: ['Retail', 'Brands', 'Outfitters', 'Foods', 'Market', 'Goods', 'Apparel', 'Home', 'Beverages'] },
  { segment: 'Technology', nouns: ['Software', 'Systems', 'Networks', 'Labs', 'Data', 'Cloud', 'Digital', 'Analytics', 'Robotics'] },
  { segment: 'Energy & Utilities', nouns: ['Energy', 'Power', 'Utilities', 'Renewables', 'Solar', 'Resources', 'Gas & Electric', 'Water', 'Grid'] },
  { segment: 'Real Estate & Construction', nouns: ['Properties', 'Realty', 'Builders', 'Construction', 'Development', 'Homes', 'Land', 'Estates', 'Infrastructure'] },
  { segment: 'Logistics & Transport', nouns: ['Logistics', 'Freight', 'Transport', 'Shipping', 'Airways', 'Distribution', 'Rail', 'Carriers', 'Fleet'] },
  { segment: 'Media & Entertainment', nouns: ['Media', 'Studios', 'Entertainment', 'Publishing', 'Broadcasting', 'Games', 'Music Group', 'Pictures', 'Events'] },
  { segment: 'Public & Non-profit', nouns: ['Foundation', 'Institute', 'Authority', 'University', 'Council', 'Trust Fund', 'Association', 'Alliance', 'Society'] },
] as const;

const NAME_PREFIXES = [
  'Northwind', 'Bluestone', 'Harbor Point', 'Silver Creek', 'Redwood', 'Granite', 'Summit', 'Crescent', 'Ironbridge', 'Lakeshore',
  'Oakridge', 'Pinecrest', 'Riverbend', 'Stonegate', 'Westfield', 'Eastgate', 'Highland', 'Meadowbrook', 'Cedar', 'Maple Leaf',
  'Atlas', 'Beacon', 'Cobalt', 'Evergreen', 'Falcon', 'Horizon', 'Keystone', 'Lighthouse', 'Meridian', 'Orion',
  'Pioneer', 'Quarry', 'Sterling', 'Trident', 'Vanguard', 'Willow', 'Aurora', 'Brightwater', 'Canyon', 'Driftwood',
  'Emerald', 'Foxhollow', 'Goldcrest', 'Hawthorne', 'Juniper', 'Kingsbridge', 'Larkspur', 'Mariner', 'Northstar', 'Oceanic',
  'Polaris', 'Ravenwood', 'Seabrook', 'Tamarack', 'Upland', 'Valley Forge', 'Whitestone', 'Yellowpine', 'Zenith', 'Alder',
  'Birchwood', 'Clearwater', 'Deer Park', 'Elmhurst', 'Fairview', 'Glenmore', 'Hillcrest', 'Ivywood', 'Jasper', 'Kestrel',
  'Linden', 'Millbrook', 'Newhaven', 'Old Mill', 'Prairie', 'Queensway', 'Rockport', 'Shoreline', 'Thornbury', 'Unity',
];

const NAME_MIDDLES = ['', '', '', '', 'American', 'National', 'United', 'Pacific', 'Atlantic', 'Continental', 'Global', 'Regional', 'Coastal', 'Central', 'Allied', 'First'];
const NAME_SUFFIXES = ['', '', '', '', 'Inc.', 'Group', 'Co.', 'LLC', 'Holdings', 'Partners', 'Corp.', 'Ltd.'];

const CITY_QUALIFIERS = ['of Boston', 'of Denver', 'of Austin', 'of Chicago', 'of Seattle', 'of Atlanta', 'of Phoenix', 'of Portland', 'of Nashville', 'of Columbus', 'of Charlotte', 'of San Diego'];

export const REGIONS = ['Northeast', 'Mid-Atlantic', 'Southeast', 'Midwest', 'Southwest', 'West', 'EMEA', 'APAC'] as const;
export const REGION_WEIGHTS: readonly (readonly [(typeof REGIONS)[number], number])[] = [
  ['Northeast', 22], ['Mid-Atlantic', 12], ['Southeast', 15], ['Midwest', 16], ['Southwest', 10], ['West', 17], ['EMEA', 5], ['APAC', 3],
];

/** Unique, plausible company names; collisions are re-rolled, then qualified by a city. */
export class CompanyNamer {
  private readonly used = new Set<string>();

  next(rng: Rng, nouns: readonly string[]): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name = [rng.pick(NAME_PREFIXES), rng.pick(NAME_MIDDLES), rng.pick(nouns), rng.pick(NAME_SUFFIXES)].filter(Boolean).join(' ');
      if (this.claim(name)) return name;
    }
    for (let n = 0; ; n++) {
      const base = `${rng.pick(NAME_PREFIXES)} ${rng.pick(nouns)} ${rng.pick(CITY_QUALIFIERS)}`;
      const name = n === 0 ? base : `${base} ${n + 1}`;
      if (this.claim(name)) return name;
    }
  }

  private claim(name: string): boolean {
    if (this.used.has(name)) return false;
    this.used.add(name);
    return true;
  }
}

/** Unique personal names across a scope (the firm roster, one client's contacts). */
export class PersonNamer {
  private readonly used = new Set<string>();

  next(rng: Rng): { first: string; last: string; full: string } {
    for (let attempt = 0; ; attempt++) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const full = attempt < 50 ? `${first} ${last}` : `${first} ${String.fromCharCode(65 + (attempt % 26))}. ${last}`;
      if (!this.used.has(full)) {
        this.used.add(full);
        return { first, last, full };
      }
    }
  }
}

/** 'Harbor Point Capital Inc.' -> 'harborpointcapital' (for `.example` e-mail domains). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(inc|llc|ltd|corp|co|group|holdings|partners)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 40);
}

/** 'Mary A. O'Brien' -> 'mary.a.obrien'. */
export function emailLocal(fullName: string): string {
  return fullName
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .split(/\s+/)
    .join('.');
}

/** Fictional competitors per industry, named in competitor_mentioned observations. */
export const COMPETITORS: Record<string, readonly string[]> = {
  consulting: ['Brightline Advisory', 'Keystone Strategy Partners', 'Northbridge Consulting', 'Apex Management Group', 'Clearpath Advisors'],
  legal: ['Whitmore & Crane LLP', 'Halden Rowe LLP', 'Ashby Lowell Partners', 'Marston Greer LLP', 'Caldwell Byrne LLP'],
  accounting: ['Lindqvist & Moore CPAs', 'Pryor Dalton LLP', 'Crestview Audit & Tax', 'Bramwell Accountants', 'Hartley Shaw CPAs'],
  agency: ['Foxglove Creative', 'Signal & Noise', 'Tandem Brand Studio', 'Loudhouse Media', 'Paperkite Agency'],
  technology: ['Stackwise Solutions', 'Cloudforge Services', 'Nimbus Integration', 'Bitwright Systems', 'Corelink IT'],
};

/** Service lines per industry (engagements, opportunities, wallet estimates). */
export const SERVICE_LINES: Record<string, readonly string[]> = {
  consulting: ['Strategy', 'Operations', 'Transformation', 'Due Diligence', 'Organisation Design', 'Pricing', 'Supply Chain'],
  legal: ['Corporate', 'Litigation', 'Employment', 'Intellectual Property', 'Regulatory', 'Real Estate', 'M&A'],
  accounting: ['Audit', 'Tax', 'Advisory', 'Payroll', 'Forensic Accounting'],
  agency: ['Brand', 'Digital', 'Content', 'Media Buying', 'Social', 'Creative'],
  technology: ['Implementation', 'Managed Services', 'Cloud Migration', 'Data & Analytics', 'Support', 'Security'],
};

/** Client-side job titles by industry (what the firm's counterparts are called) and seniority. */
export const CLIENT_TITLES: Record<string, Record<string, readonly string[]>> = {
  consulting: {
    c_level: ['Chief Executive Officer', 'Chief Operating Officer', 'Chief Strategy Officer', 'Chief Financial Officer'],
    vp: ['VP Strategy', 'VP Operations', 'SVP Transformation', 'VP Corporate Development'],
    director: ['Director of Strategy', 'Director of Operations', 'Programme Director', 'Director of PMO'],
    manager: ['Strategy Manager', 'Operations Manager', 'Project Manager', 'Business Analyst Lead'],
    staff: ['Business Analyst', 'Operations Analyst', 'Executive Assistant', 'PMO Coordinator'],
  },
  legal: {
    c_level: ['General Counsel', 'Chief Legal Officer', 'Chief Executive Officer', 'Chief Compliance Officer'],
    vp: ['Deputy General Counsel', 'VP Legal', 'VP Compliance', 'Associate General Counsel'],
    director: ['Director of Legal Affairs', 'Head of Litigation', 'Head of Employment Law', 'Director of Contracts'],
    manager: ['Senior Counsel', 'Legal Operations Manager', 'Contracts Manager', 'Compliance Manager'],
    staff: ['Paralegal', 'Legal Assistant', 'Contracts Analyst', 'Compliance Analyst'],
  },
  accounting: {
    c_level: ['Chief Financial Officer', 'Chief Executive Officer', 'Owner', 'Chief Accounting Officer'],
    vp: ['VP Finance', 'Corporate Controller', 'VP Tax', 'Treasurer'],
    director: ['Finance Director', 'Director of Tax', 'Head of Internal Audit', 'Director of FP&A'],
    manager: ['Accounting Manager', 'Tax Manager', 'Payroll Manager', 'Financial Reporting Manager'],
    staff: ['Staff Accountant', 'AP Specialist', 'Bookkeeper', 'Tax Analyst'],
  },
  agency: {
    c_level: ['Chief Marketing Officer', 'Chief Executive Officer', 'Chief Brand Officer', 'Chief Growth Officer'],
    vp: ['VP Marketing', 'VP Brand', 'VP Digital', 'VP Communications'],
    director: ['Marketing Director', 'Brand Director', 'Head of Digital', 'Director of Communications'],
    manager: ['Brand Manager', 'Campaign Manager', 'Content Manager', 'Social Media Manager'],
    staff: ['Marketing Coordinator', 'Content Specialist', 'Marketing Analyst', 'Social Media Specialist'],
  },
  technology: {
    c_level: ['Chief Information Officer', 'Chief Technology Officer', 'Chief Digital Officer', 'Chief Operating Officer'],
    vp: ['VP IT', 'VP Engineering', 'VP Infrastructure', 'VP Enterprise Applications'],
    director: ['IT Director', 'Director of Infrastructure', 'Head of Data', 'Director of Applications'],
    manager: ['IT Manager', 'Systems Manager', 'Service Delivery Manager', 'Product Owner'],
    staff: ['Systems Administrator', 'Business Systems Analyst', 'Support Lead', 'Data Analyst'],
  },
};

/** Titles of a new executive by seat (new_executive observations). */
export const PROCUREMENT_TITLES = ['Chief Procurement Officer', 'Head of Procurement', 'VP Strategic Sourcing', 'Director of Vendor Management'];
