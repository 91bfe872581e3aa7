import { faker } from '@faker-js/faker';
import { SingleBar } from 'cli-progress';
import type { CompanyCreate } from '../../contract/companies';
import type { ContactCreate } from '../../contract/contacts';
import { LIFECYCLE_STAGES } from '../../contract/common';
import { type Ctx, systemCtx } from '../../server/platform/context';
import type { Services } from '../../server/services';

const INDUSTRIES = ['Software', 'Retail', 'Healthcare', 'Manufacturing', 'Education', 'Finance', 'Logistics', 'Media', 'Energy', 'Hospitality'];
const TAGS = ['vip', 'newsletter', 'partner', 'event-2026', 'churn-risk', 'referral', 'trial'];
const BATCH = 1000;

export type SeedOptions = { contacts: number; companies: number; seed?: number; progress?: boolean; ownerIds?: string[] };

function companyInput(i: number, ownerIds: string[]): CompanyCreate {
  const name = `${faker.company.name()}${i > 5000 ? ` ${i}` : ''}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || `company-${i}`;
  return {
    name,
    domain: `${slug}-${i}.example.com`,
    industry: faker.helpers.arrayElement(INDUSTRIES),
    employees: faker.number.int({ min: 1, max: 20000 }),
    annualRevenue: faker.number.int({ min: 10, max: 50000 }) * 1000,
    phones: [{ phone: faker.phone.number({ style: 'international' }), label: 'main' }],
    addresses: [{ city: faker.location.city(), country: faker.location.countryCode() }],
    lifecycleStage: faker.helpers.arrayElement(LIFECYCLE_STAGES),
    tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
    ownerId: ownerIds.length ? faker.helpers.arrayElement(ownerIds) : undefined,
  };
}

function contactInput(i: number, companyIds: string[], ownerIds: string[]): ContactCreate {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  return {
    firstName,
    lastName,
    title: faker.person.jobTitle(),
    emails: [{ email: `${firstName}.${lastName}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''), label: 'work' }],
    phones: [{ phone: faker.phone.number({ style: 'international' }), label: 'mobile' }],
    companyId: companyIds.length ? faker.helpers.arrayElement(companyIds) : undefined,
    ownerId: ownerIds.length ? faker.helpers.arrayElement(ownerIds) : undefined,
    lifecycleStage: faker.helpers.arrayElement(LIFECYCLE_STAGES),
    tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 3 }),
    consent: { email: faker.datatype.boolean(), sms: faker.datatype.boolean(0.2), phone: faker.datatype.boolean(0.6) },
  };
}

/**
 * Fills a workspace with plausible companies and contacts through the product's own bulk
 * paths (validation, events and search included), deterministically for a given seed.
 */
export async function seedDemo(services: Services, workspaceId: string, opts: SeedOptions): Promise<{ seconds: number }> {
  faker.seed(opts.seed ?? 42);
  const ctx: Ctx = systemCtx(workspaceId);
  const ownerIds = opts.ownerIds ?? [];
  const started = Date.now();
  const bar = opts.progress ? new SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total} | {rate}/s | eta {eta_formatted}' }) : null;
  const total = opts.contacts + opts.companies;
  bar?.start(total, 0, { phase: 'companies', rate: 0 });
  let done = 0;
  const tick = (n: number, phase: string) => {
    done += n;
    const rate = Math.round(done / ((Date.now() - started) / 1000 || 1));
    bar?.update(done, { phase, rate });
  };
  const companyIds: string[] = [];
  for (let i = 0; i < opts.companies; i += BATCH) {
    const n = Math.min(BATCH, opts.companies - i);
    const created = await services.companies.bulkCreate(
      ctx,
      Array.from({ length: n }, (_, k) => companyInput(i + k, ownerIds)),
    );
    companyIds.push(...created.map((c) => c.id));
    tick(n, 'companies');
  }
  for (let i = 0; i < opts.contacts; i += BATCH) {
    const n = Math.min(BATCH, opts.contacts - i);
    await services.contacts.bulkCreate(
      ctx,
      Array.from({ length: n }, (_, k) => contactInput(i + k, companyIds, ownerIds)),
    );
    tick(n, 'contacts ');
  }
  bar?.stop();
  return { seconds: (Date.now() - started) / 1000 };
}
