#!/usr/bin/env node
// `npm test`: type-check, lint, then the whole suite on SQLite and (when reachable) PostgreSQL.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const PG_URL = process.env.RAPPORT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const bin = (name) => `node_modules/.bin/${name}`;

function step(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(res.status ?? 1);
  }
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const hasPg = await postgresReachable();
if (!hasPg && process.env.RAPPORT_TEST_PG_REQUIRED === '1') {
  console.error(`PostgreSQL is required (RAPPORT_TEST_PG_REQUIRED=1) but not reachable at ${PG_URL}`);
  process.exit(1);
}

step('Type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('Lint', bin('eslint'), ['src', 'test', 'bench', 'scripts']);
step(`Tests on SQLite${hasPg ? ' and PostgreSQL' : ''}`, bin('vitest'), ['run', ...process.argv.slice(2)]);
if (process.env.RAPPORT_SKIP_E2E !== '1') {
  step('Browser journeys', bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts']);
}

console.log('\n✔ All checks passed.');
if (!hasPg) {
  console.log(`\n⚠ The PostgreSQL half of the suite was SKIPPED: nothing answered at ${PG_URL}.`);
  console.log('  Start PostgreSQL or set RAPPORT_TEST_PG to run every data test on both databases.');
}
