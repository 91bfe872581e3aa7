import { Command, InvalidArgumentError } from 'commander';
import { ROLES, type Role } from '../contract/roles';
import { hashPassword } from '../server/platform/auth/secrets';
import { insertMembership } from '../server/platform/auth/auth.repository';
import { WorkspaceDb } from '../server/db/scoped';
import { newId, nowIso } from '../server/platform/ids';
import { systemCtx } from '../server/platform/context';
import { onlyOrGivenWorkspace, openForCli, resolveWorkspaceId, where } from './context';
import { exportFile } from './commands/export';
import { importFile } from './commands/import';
import { seedDemo } from './commands/seed';
import { start } from './commands/start';

const int = (v: string) => {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number');
  return n;
};
const role = (v: string) => {
  if (!(ROLES as readonly string[]).includes(v)) throw new InvalidArgumentError(ROLES.join(', '));
  return v as Role;
};

const recordObject = (v: string) => {
  if (!['contacts', 'companies', 'leads', 'deals'].includes(v)) throw new InvalidArgumentError('contacts, companies, leads or deals');
  return v as 'contacts' | 'companies' | 'leads' | 'deals';
};

const program = new Command('rapport').description('Rapport CRM').showHelpAfterError();

program
  .command('start')
  .description('Migrate, build the web app if needed, and serve (PORT, DATABASE_URL, RAPPORT_DB)')
  .option('--no-build', 'do not build the web app')
  .action(async (opts) => start(opts));

program
  .command('worker')
  .description('Run background jobs without serving HTTP (set RAPPORT_WORKER=off on the web nodes); RAPPORT_JOB_CONCURRENCY, RAPPORT_JOB_LEASE_MS')
  .option('--concurrency <n>', 'jobs run at once', int)
  .action(async (opts) => {
    const { config, database, services } = await openForCli();
    const { runWorkerProcess } = await import('../server/worker');
    const { loadRunnerOptions } = await import('../server/platform/jobs/job-config');
    const options = loadRunnerOptions();
    if (opts.concurrency) options.concurrency = Math.max(1, opts.concurrency);
    await runWorkerProcess({ database, services, logLevel: config.logLevel, options });
    console.log(`Rapport worker running on ${where(config)} (${options.concurrency} at a time)`);
  });

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(async () => {
    const { config, database, applied } = await openForCli();
    console.log(applied.length ? `Applied ${applied.join(', ')} on ${where(config)}` : `Up to date on ${where(config)}`);
    await database.close();
  });

program
  .command('seed')
  .description('Fill a workspace with sample data')
  .requiredOption('--demo', 'sample companies and contacts')
  .option('--contacts <n>', 'contacts to create', int, 1000)
  .option('--companies <n>', 'companies to create (default contacts/5)', int)
  .option('--workspace <id|slug>', 'workspace to fill (default: a new "Demo" workspace)')
  .option('--seed <n>', 'random seed', int, 42)
  .action(async (opts) => {
    const { database, services } = await openForCli();
    let workspaceId: string;
    if (opts.workspace) workspaceId = await resolveWorkspaceId(database, opts.workspace);
    else {
      const email = `demo-${Date.now()}@demo.rapport.local`;
      const password = (await import('node:crypto')).randomBytes(9).toString('base64url');
      const created = await services.auth.createWorkspaceWithOwner({ email, password, name: 'Demo Owner', workspaceName: 'Demo' });
      workspaceId = created.workspaceId;
      console.log(`Created workspace ${created.slug}; owner ${email} / ${password}`);
    }
    const companies = opts.companies ?? Math.max(1, Math.floor(opts.contacts / 5));
    const { seconds } = await seedDemo(services, workspaceId, { contacts: opts.contacts, companies, seed: opts.seed, progress: true });
    const rate = Math.round((opts.contacts + companies) / seconds);
    console.log(`Seeded ${opts.contacts} contacts and ${companies} companies in ${seconds.toFixed(1)} s (${rate} records/s)`);
    await database.close();
  });

program
  .command('import')
  .description('Import a CSV file of contacts, companies, leads or deals (UTF-8 or Latin-1, comma, semicolon or tab), or a vCard file (2.1, 3.0, 4.0) of contacts, with a progress bar')
  .argument('<object>', 'contacts, companies, leads or deals', recordObject)
  .argument('[file]', 'the CSV or .vcf file')
  .option('--workspace <id|slug>', 'workspace to import into (default: the only one)')
  .option('--mapping <json|file>', 'column mapping {"CSV header": "field"}; default: suggested from the headers')
  .option('--dedup <mode>', 'skip, update or create when a row matches an existing record', 'skip')
  .option('--match-by <key>', 'email (contacts, leads), domain or name (companies), name (leads, deals), or custom.<key> for an external id')
  .option('--dry-run', 'check every row and report the bad ones; write nothing')
  .option('--no-create-companies', 'contacts: leave a row unlinked when its company is not here yet (default: create the company)')
  .option('--encoding <name>', 'utf8 or latin1 (default: detected)')
  .option('--delimiter <char>', 'column separator (default: detected)')
  .option('--save-mapping <name>', 'save the mapping for the next import')
  .option('--resume <import id>', 'go on with an interrupted import from its checkpoint')
  .action(async (object, file, opts) => {
    if (!['skip', 'update', 'create'].includes(opts.dedup)) throw new InvalidArgumentError('--dedup: skip, update or create');
    const { database, services } = await openForCli();
    const workspaceId = await onlyOrGivenWorkspace(database, opts.workspace);
    const view = await importFile(services, workspaceId, object, file, opts);
    await database.close();
    if (view.errorCount && view.dryRun) process.exitCode = 1;
  });

program
  .command('export')
  .description('Export contacts, companies, leads or deals (a filter and columns as for the list) to CSV, JSON or vCard, streamed, with a progress bar')
  .argument('<object>', 'contacts, companies, leads or deals', recordObject)
  .option('--workspace <id|slug>', 'workspace to export from (default: the only one)')
  .option('--format <format>', 'csv, json or vcf (vCard, contacts only)', (v) => {
    if (!['csv', 'json', 'vcf'].includes(v)) throw new InvalidArgumentError('csv, json or vcf');
    return v as 'csv' | 'json' | 'vcf';
  }, 'csv')
  .option('--vcard-version <version>', '3.0 or 4.0', '4.0')
  .option('--filter <json>', 'the filter language as JSON, e.g. {"field":"lifecycleStage","op":"eq","value":"customer"}')
  .option('--columns <keys>', 'comma-separated field keys (custom.<key> too); default every field')
  .option('--out <file>', 'write to this file (default: stdout)')
  .action(async (object, opts) => {
    const { database, services } = await openForCli();
    try {
      const workspaceId = await onlyOrGivenWorkspace(database, opts.workspace);
      const { rows, seconds } = await exportFile(services, workspaceId, object, { ...opts, vcardVersion: opts.vcardVersion });
      if (opts.out) console.log(`${rows} ${object} written to ${opts.out} in ${seconds.toFixed(1)} s`);
    } finally {
      await database.close();
    }
  });

const user = program.command('user').description('Manage users');
user
  .command('create')
  .description('Create a user, optionally adding them to a workspace')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--password <password>', 'at least 10 characters')
  .option('--workspace <id|slug>')
  .option('--role <role>', ROLES.join('|'), role, 'member')
  .action(async (opts) => {
    if (opts.password.length < 10) throw new Error('The password needs at least 10 characters');
    const { database } = await openForCli();
    const at = nowIso();
    const id = newId();
    const workspaceId = opts.workspace ? await resolveWorkspaceId(database, opts.workspace) : null;
    const passwordHash = await hashPassword(opts.password);
    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({ id, email: opts.email.trim().toLowerCase(), name: opts.name, password_hash: passwordHash, created_at: at, updated_at: at }).execute();
      if (workspaceId) await insertMembership(new WorkspaceDb(trx, workspaceId, database.dialect), id, opts.role, at);
    });
    console.log(`Created user ${opts.email} (${id})${workspaceId ? ` as ${opts.role}` : ''}`);
    await database.close();
  });

program
  .command('workspace')
  .description('Manage workspaces')
  .command('create')
  .description('Create a workspace and its owner (an existing user keeps their password)')
  .requiredOption('--name <name>')
  .requiredOption('--owner-email <email>')
  .requiredOption('--owner-password <password>')
  .option('--owner-name <name>', 'owner’s name', 'Owner')
  .action(async (opts) => {
    const { services, database } = await openForCli();
    const created = await services.auth.createWorkspaceWithOwner({ email: opts.ownerEmail, password: opts.ownerPassword, name: opts.ownerName, workspaceName: opts.name });
    console.log(`Created workspace "${opts.name}" (${created.slug}, ${created.workspaceId})`);
    await database.close();
  });

program
  .command('api-key')
  .description('Manage API keys')
  .command('create')
  .description('Create an API key; the secret is printed once')
  .requiredOption('--workspace <id|slug>')
  .requiredOption('--name <name>')
  .option('--role <role>', ROLES.join('|'), role, 'member')
  .action(async (opts) => {
    const { services, database } = await openForCli();
    const workspaceId = await resolveWorkspaceId(database, opts.workspace);
    const { apiKey, secret } = await services.apiKeys.create(systemCtx(workspaceId), { name: opts.name, role: opts.role });
    console.log(`API key ${apiKey.name} (${apiKey.role}): ${secret}\nKeep it now: it is not shown again.`);
    await database.close();
  });

program.parseAsync().catch((err: Error) => {
  console.error(`rapport: ${err.message}`);
  process.exit(1);
});
