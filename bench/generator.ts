import { faker } from '@faker-js/faker';
import type { CompanyCreate } from '../src/contract/companies';
import type { ContactCreate } from '../src/contract/contacts';
import { LIFECYCLE_STAGES } from '../src/contract/common';

const INDUSTRIES = ['Software', 'Retail', 'Healthcare', 'Manufacturing', 'Education', 'Finance', 'Logistics', 'Media'];
const TAGS = ['vip', 'newsletter', 'partner', 'event-2026', 'churn-risk', 'referral', 'trial'];

/**
 * Deterministic data: the same seed gives the same companies and contacts, so runs compare.
 * Names come from faker's lists, so prefixes and surnames repeat as they do in real data.
 */
export function makeGenerator(seed = 20261123) {
  faker.seed(seed);
  return {
    company(i: number, ownerId: string): CompanyCreate {
      const name = faker.company.name();
      return {
        name,
        domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30)}-${i}.example.com`,
        industry: faker.helpers.arrayElement(INDUSTRIES),
        employees: faker.number.int({ min: 1, max: 20000 }),
        lifecycleStage: faker.helpers.arrayElement(LIFECYCLE_STAGES),
        tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
        ownerId,
      };
    },
    contact(i: number, companyIds: string[], ownerId: string): ContactCreate {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      return {
        firstName,
        lastName,
        title: faker.person.jobTitle(),
        emails: [{ email: `${firstName}.${lastName}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '') }],
        // Valid numbers, as most in a real export are: an exchange code of 200–999 (one starting
        // with 1 is invalid in North America, and libphonenumber then tries every country sharing +1).
        phones: [{ phone: `+1415${200 + (i % 800)}${String(i % 10000).padStart(4, '0')}` }],
        companyId: companyIds.length ? companyIds[i % companyIds.length] : undefined,
        ownerId,
        lifecycleStage: faker.helpers.arrayElement(LIFECYCLE_STAGES),
        tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
        consent: { email: i % 3 === 0, sms: false, phone: i % 2 === 0 },
      };
    },
    lastNames: () => Array.from({ length: 200 }, () => faker.person.lastName()),
    firstNames: () => Array.from({ length: 200 }, () => faker.person.firstName()),
  };
}
