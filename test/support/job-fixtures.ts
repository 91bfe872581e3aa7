import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Database } from '../../src/server/db/database';
import { defineJob, registerJob } from '../../src/server/platform/jobs/job-definition';

/** A job that takes `ms` to finish, noting when each try starts and (once, transactionally) when it is done. */
export const slowJob = defineJob({ name: 'test.slow-effect', payload: Type.Object({ note: Type.String(), ms: Type.Integer() }) });

export const createEffectsTable = (database: Database) => sql`create table test_job_effects (job_id text not null, note text not null)`.execute(database.db);

export async function effects(database: Database, note: string): Promise<string[]> {
  return (await sql<{ job_id: string }>`select job_id from test_job_effects where note = ${note} order by job_id`.execute(database.db)).rows.map((r) => r.job_id);
}

export const crashTestJobs = (database: Database) => [
  registerJob(slowJob, async (run) => {
    // Outside the job's transaction on purpose: it shows each try that started, even one killed.
    await sql`insert into test_job_effects (job_id, note) values (${run.id}, ${`start:${run.payload.note}`})`.execute(database.db);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, run.payload.ms);
      run.signal.addEventListener('abort', () => (clearTimeout(t), resolve()));
    });
    if (run.signal.aborted) throw new Error('stopped before the end');
    await run.complete((tx) => tx.raw(() => sql`insert into test_job_effects (job_id, note) values (${run.id}, ${run.payload.note})`));
  }),
];
