import { faker } from '@faker-js/faker';
import type { Ctx } from '../src/server/platform/context';
import type { Services } from '../src/server/services';
import { Progress } from './progress';

export type Extras = { pipelineId: string; deals: number; timelineContactIds: string[]; activities: number };

const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note'] as const;

/**
 * Deals (one per ten contacts, spread over the default pipeline's stages) through the deals bulk
 * path, and a busy history for some contacts — activities logged one by one through the service,
 * as people log them — so the timeline and the board read realistic volumes.
 */
export async function loadExtras(services: Services, ctx: Ctx, opts: { contacts: number; companyIds: string[]; contactIds: string[]; ownerId: string }): Promise<Extras> {
  const [pipeline] = await services.pipelines.list(ctx);
  const stages = pipeline.stages;
  const deals = Math.max(10, Math.floor(opts.contacts / 10));
  const timelineContactIds = opts.contactIds.slice(0, 100);
  const perContact = 20;
  const progress = new Progress('deals+activities', deals + timelineContactIds.length * perContact);
  for (let i = 0; i < deals; i += 1000) {
    const n = Math.min(1000, deals - i);
    await services.deals.bulkCreate(
      ctx,
      Array.from({ length: n }, (_, k) => ({
        name: `${faker.company.buzzNoun()} ${i + k}`,
        amount: faker.number.int({ min: 1_000, max: 5_000_000 }),
        currency: 'USD',
        stageId: stages[(i + k) % stages.length].id,
        companyId: opts.companyIds[(i + k) % opts.companyIds.length],
        ownerId: opts.ownerId,
      })),
    );
    progress.add(n);
  }
  const start = Date.parse('2026-01-01T09:00:00Z');
  for (const [c, contactId] of timelineContactIds.entries()) {
    for (let k = 0; k < perContact; k++) {
      const type = ACTIVITY_TYPES[(c + k) % ACTIVITY_TYPES.length];
      const occurredAt = new Date(start + (c * perContact + k) * 3_600_000).toISOString();
      await services.activities.create(ctx, {
        type,
        subject: faker.lorem.sentence({ min: 3, max: 8 }),
        body: faker.lorem.paragraph(),
        occurredAt,
        links: [{ objectType: 'contacts', id: contactId }],
        ...(type === 'call' ? { call: { direction: 'out', durationSeconds: 300, outcome: 'connected' } } : {}),
        ...(type === 'email' ? { email: { direction: 'in', from: faker.internet.email(), to: ['sales@example.com'] } } : {}),
        ...(type === 'meeting' ? { meeting: { startAt: occurredAt, endAt: new Date(Date.parse(occurredAt) + 1_800_000).toISOString(), location: 'Video call' } } : {}),
      });
    }
    progress.add(perContact);
  }
  progress.done();
  return { pipelineId: pipeline.id, deals, timelineContactIds, activities: timelineContactIds.length * perContact };
}
