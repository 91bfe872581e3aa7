import type { CustomField } from '../../../contract/custom-fields';
import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import { listFields } from '../../platform/custom-fields/custom-fields.repository';
import { AppError } from '../../platform/errors';
import { MAX_BULK } from '../../platform/records/record-service';
import { nowIso } from '../../platform/ids';
import { nextBatchSize } from '../../platform/jobs/batch-size';
import { normalizeDomain, normalizeEmail } from '../../platform/normalize';
import { emailHolders } from '../../platform/records/references.repository';
import { defaultPipelineId, listPipelines } from '../pipelines/pipelines.repository';
import { type CsvFormat, type CsvItem, readRows } from './csv-source';
import { type CardItem, readCardItems } from './vcard-import';
import type { DealRefs } from './import-sales-mapping';
import { type ImportObject, toInput } from './import-mapping';
import { type PipelineIndex, type RecordOps, importServices, indexPipelines, resolveStage } from './import-targets';
import { FINAL_STATUSES, type ImportOptions, ctxOfImport } from './import-options';
import { type Carrier, type CompanyStep, createMissing, linkExisting } from './import-companies';
import { COMPANY_CREATED, COMPANY_LEDGER_START, type Counts, type LedgerRow, advanceCheckpoint, findImport, importPieces, insertLedger, ledgerPage, setImport } from './imports.repository';

// One transaction per chunk, with the checkpoint: a crash loses at most the chunk under way.
// Larger chunks write each index page once for many rows (random name and email keys touch a
// different page per row), so the chunk grows while its transaction stays within the time
// budget: other writers wait for the lock meanwhile, and with jobs on the request thread
// (RAPPORT_WORKER=inline) SQLite calls block every request.
const FIRST_CHUNK = 500;
const MIN_CHUNK = 100;
const MAX_CHUNK = 5000;

export type RunHooks = {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** How long one chunk's transaction may take (ms): short in the server, longer in the CLI. */
  chunkBudgetMs?: number;
};

/** The next chunk size: scaled so the next transaction takes about the budget. */
export const nextChunkSize = (size: number, tookMs: number, budgetMs: number): number => nextBatchSize(size, tookMs, budgetMs, { min: MIN_CHUNK, max: MAX_CHUNK });
class DryRun extends Error {
  constructor(readonly ledger: LedgerRow[], readonly counts: Counts) {
    super('dry run');
  }
}
class LostRace extends Error {}

type Row = { line: number; raw: unknown; input?: Record<string, any>; companyName?: string; refs?: DealRefs; error?: string; ledger?: LedgerRow };

const SINGULAR: Record<ImportObject, string> = { contacts: 'contact', companies: 'company', leads: 'lead', deals: 'deal' };
type Item = CsvItem | CardItem;
/** The file's rows, or its cards for a vCard file. */
const readItems = (pieces: AsyncIterable<Buffer>, format: CsvFormat): AsyncIterable<Item> => (format.kind === 'vcard' ? readCardItems(pieces) : readRows(pieces, format));

/** The key a row is matched by, lowercased; undefined when the row has none. */
function keyOf(matchBy: string, input: Record<string, any>): string | undefined {
  if (matchBy === 'email' && input.emails) return input.emails[0] ? normalizeEmail(input.emails[0].email) : undefined;
  if (matchBy === 'email') return input.email ? normalizeEmail(input.email) : undefined;
  if (matchBy === 'domain') return input.domain ? normalizeDomain(input.domain) : undefined;
  if (matchBy === 'name') return input.name?.toLowerCase();
  const v = input.custom?.[matchBy.slice('custom.'.length)];
  return v === undefined || v === null ? undefined : String(v).toLowerCase();
}

/**
 * Runs (or resumes) an import: reads the stored file from the row after the checkpoint and
 * writes each chunk through the record service's bulk calls — the same validation, events and
 * search as the API — in one transaction with the ledger and the new checkpoint.
 */
export async function runImport(scoped: (ctx: Ctx) => WorkspaceDb, workspaceId: string, importId: string, hooks: RunHooks = {}): Promise<void> {
  const base = scoped({ workspaceId, role: 'owner', userId: null, actor: { type: 'system', id: null } });
  const imp = await findImport(base, importId);
  if (!imp || FINAL_STATUSES.includes(imp.status)) return;
  const opts = base.dialect.json.read<ImportOptions>(imp.options, null as any);
  const ctx = ctxOfImport(workspaceId, opts);
  const object = imp.object_type as ImportObject;
  // Read from the database a piece at a time: the file is never whole in memory.
  const content = () => importPieces(base, importId);
  let total = imp.rows_total;
  if (total === null) {
    total = 0;
    for await (const _ of readItems(content(), opts.format)) total++;
    await setImport(base, importId, { rows_total: total, updated_at: nowIso() });
  }
  await setImport(base, importId, { status: 'running', updated_at: nowIso() });

  // The record service, bound to the chunk's transaction: its bulk calls join it.
  let current: WorkspaceDb = base;
  const bound = () => current;
  const services = importServices(bound);
  const service = services.records[object];
  const companies = services.records.companies;
  const customDefs = await listFields(base, object);
  let pipelines: PipelineIndex | null = null;
  if (object === 'deals') {
    // A deal lands in a pipeline: the first deals of a workspace get the default one made.
    await services.pipelines.ensureDefault(ctx);
    pipelines = indexPipelines(await listPipelines(base), await defaultPipelineId(base));
  }
  const createCompanies = object === 'contacts' && opts.createCompanies === true;
  // A dry run rolls its companies back, so a later chunk would not find them: it remembers
  // their names (from its ledger too, when it resumes) to count each once.
  const madeBefore = new Set<string>();
  if (createCompanies && opts.dryRun) {
    for (let after = COMPANY_LEDGER_START; ; ) {
      const page = await ledgerPage(base, importId, { after, outcomes: [COMPANY_CREATED], limit: 1000 });
      if (page.length === 0) break;
      after = page[page.length - 1].row_no;
      for (const l of page) madeBefore.add((l.message ?? '').toLowerCase());
    }
  }
  let checkpoint = imp.rows_done;
  let done = imp.created_count + imp.updated_count + imp.skipped_count + imp.error_count;
  hooks.onProgress?.(done, total);

  const commit = async (items: Item[]) => {
    const rows: Row[] = items.map((item) => {
      if ('error' in item) return { line: item.line, raw: { __raw: item.raw }, error: item.error };
      const converted = 'converted' in item ? item.converted : toInput(object, opts.mapping, item.record, customDefs);
      return 'error' in converted
        ? { line: item.line, raw: item.record, error: converted.error }
        : { line: item.line, raw: item.record, input: converted.input, companyName: converted.companyName, refs: converted.refs };
    });
    const to = items[items.length - 1].line;
    const carriers = new Map<string, Carrier>();
    for (;;) {
      let phase: Carrier[] = [];
      try {
        await base.transaction(async (tx) => {
          current = tx;
          const setPhase = (p: Carrier[]) => (phase = p);
          const company = createCompanies ? { ctx, importId, companies, dryRun: opts.dryRun, carriers, madeBefore, setPhase } : null;
          const { counts, made } = await writeChunk({ tx, ctx, importId, object, opts, rows, service, companies, company, customDefs, pipelines, setPhase });
          const ledger = [...made, ...rows.map((r) => r.ledger!)];
          if (opts.dryRun) throw new DryRun(ledger, counts);
          await insertLedger(tx, ledger);
          if (!(await advanceCheckpoint(tx, importId, checkpoint, to, counts, nowIso()))) throw new LostRace();
        });
      } catch (err) {
        current = base;
        if (err instanceof DryRun) {
          // Nothing was written: only the report (the bad rows, the companies it would make) and the checkpoint are kept.
          await base.transaction(async (tx) => {
            await insertLedger(tx, err.ledger.filter((l) => l.outcome === 'error' || l.outcome === COMPANY_CREATED));
            if (!(await advanceCheckpoint(tx, importId, checkpoint, to, err.counts, nowIso()))) throw new LostRace();
          });
          for (const l of err.ledger) if (l.outcome === COMPANY_CREATED) madeBefore.add((l.message ?? '').toLowerCase());
        } else if (!peelBadRows(err, phase)) throw err;
        else continue;
      }
      current = base;
      checkpoint = to;
      done += rows.length;
      hooks.onProgress?.(done, total!);
      return;
    }
  };

  const budgetMs = hooks.chunkBudgetMs ?? 400;
  let size = FIRST_CHUNK;
  let chunk: Item[] = [];
  for await (const item of readItems(content(), opts.format)) {
    if (item.line <= checkpoint) continue;
    chunk.push(item);
    if (chunk.length >= size) {
      if (hooks.signal?.aborted) throw new Error('import stopped; it resumes from its checkpoint');
      const started = performance.now();
      await commit(chunk);
      size = nextChunkSize(size, performance.now() - started, budgetMs);
      chunk = [];
      // SQLite calls are synchronous: without a turn of the event loop between chunks, the
      // server would answer no request (not even the progress) until the import ends.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (chunk.length) await commit(chunk);
  await setImport(base, importId, { status: 'done', updated_at: nowIso() });
}

/** A bulk call refused some items (`items.3.…`): those rows become errors and the chunk is tried again. */
function peelBadRows(err: unknown, phase: Carrier[]): boolean {
  if (!(err instanceof AppError)) return false;
  const fields = err.extra.errors?.length ? err.extra.errors : [{ field: err.extra.field ?? '', message: err.message }];
  let peeled = false;
  for (const f of fields) {
    const m = /^items\.(\d+)\.(?:changes\.)?(.*)$/.exec(f.field);
    const row = m ? phase[Number(m[1])] : phase.length === 1 ? phase[0] : undefined;
    if (!row || row.error) continue;
    const message = f.message.startsWith(f.field) ? f.message.slice(f.field.length + 2) : f.message;
    row.error = `${m ? m[2] : f.field}: ${message}`.replace(/^: /, '');
    peeled = true;
  }
  return peeled;
}

type ChunkArgs = {
  tx: WorkspaceDb;
  ctx: Ctx;
  importId: string;
  object: ImportObject;
  opts: ImportOptions;
  rows: (Row & { ledger?: LedgerRow })[];
  service: RecordOps;
  companies: RecordOps;
  /** Set when the chunk creates the companies its contact rows name that are not here yet. */
  company: CompanyStep | null;
  customDefs: CustomField[];
  pipelines: PipelineIndex | null;
  setPhase(rows: Carrier[]): void;
};

async function lookup(a: ChunkArgs, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  if (a.opts.matchBy === 'email' && a.object === 'contacts') return emailHolders(a.tx, keys);
  const field = a.opts.matchBy;
  // Keys are lowercased; a field compared with case is asked for as written too.
  const written = a.rows.map((r) => (r.input ? (field.startsWith('custom.') ? r.input.custom?.[field.slice(7)] : r.input[field]) : undefined)).filter((v): v is string => typeof v === 'string');
  const values = [...new Set([...keys, ...written])];
  const page = await a.service.list(a.ctx, { filter: { field, op: 'in', value: values }, limit: values.length * 2 + 10 });
  const out = new Map<string, string>();
  for (const r of page.data as any[]) {
    const v = field.startsWith('custom.') ? r.custom[field.slice(7)] : r[field];
    if (v !== null && v !== undefined && !out.has(String(v).toLowerCase())) out.set(String(v).toLowerCase(), r.id);
  }
  return out;
}

/** A deal row's pipeline and stage by name, company by name or domain, contact by email → ids (or the row's error). */
async function resolveDealRefs(a: ChunkArgs, live: Row[]): Promise<void> {
  const names = [...new Set(live.map((r) => r.refs?.companyName).filter((n): n is string => !!n))];
  const domains = [...new Set(live.map((r) => r.refs?.companyDomain).filter((n): n is string => !!n).map(normalizeDomain))];
  const emails = [...new Set(live.map((r) => r.refs?.contactEmail).filter((n): n is string => !!n).map(normalizeEmail))];
  const byName = new Map<string, string>();
  const byDomain = new Map<string, string>();
  if (names.length) for (const c of (await a.companies.list(a.ctx, { filter: { field: 'name', op: 'in', value: names }, limit: names.length * 2 + 10 })).data as any[]) if (!byName.has(c.name.toLowerCase())) byName.set(c.name.toLowerCase(), c.id);
  if (domains.length) for (const c of (await a.companies.list(a.ctx, { filter: { field: 'domain', op: 'in', value: domains }, limit: domains.length * 2 + 10 })).data as any[]) if (c.domain) byDomain.set(normalizeDomain(c.domain), c.id);
  const contacts = emails.length ? await emailHolders(a.tx, emails) : new Map<string, string>();
  for (const r of live) {
    const refs = r.refs ?? {};
    const stage = resolveStage(a.pipelines!, refs);
    if ('error' in stage) {
      r.error = stage.error;
      continue;
    }
    Object.assign(r.input!, stage);
    if (refs.companyDomain) {
      const id = byDomain.get(normalizeDomain(refs.companyDomain));
      if (!id) r.error = `companyDomain: no company has the domain "${refs.companyDomain}"`;
      else r.input!.companyId = id;
    } else if (refs.companyName) {
      const id = byName.get(refs.companyName.toLowerCase());
      if (!id) r.error = `companyName: there is no company named "${refs.companyName}"`;
      else r.input!.companyId = id;
    }
    if (refs.contactEmail && !r.error) {
      const id = contacts.get(normalizeEmail(refs.contactEmail));
      if (!id) r.error = `contactEmail: no contact has the email ${refs.contactEmail}`;
      else r.input!.contactIds = [id];
    }
  }
}

async function writeChunk(a: ChunkArgs): Promise<{ counts: Counts; made: LedgerRow[] }> {
  const { rows, opts, ctx } = a;
  const live = rows.filter((r) => !r.error);
  if (a.object === 'contacts') await linkExisting(a.companies, ctx, live);
  if (a.object === 'deals') await resolveDealRefs(a, live);
  const matches = await lookup(a, [...new Set(live.map((r) => keyOf(opts.matchBy, r.input!)).filter((k): k is string => !!k))]);
  const firstLine = new Map<string, number>();
  const creates: Row[] = [];
  const updates: (Row & { id: string })[] = [];
  const skips = new Map<Row, string>();
  for (const r of live) {
    if (r.error) continue;
    const key = keyOf(opts.matchBy, r.input!);
    const existing = key ? matches.get(key) : undefined;
    if (key && firstLine.has(key) && opts.dedup !== 'create') {
      skips.set(r, `same ${opts.matchBy} as line ${firstLine.get(key)}`);
      continue;
    }
    if (key) firstLine.set(key, r.line);
    if (!existing || opts.dedup === 'create') {
      if (existing && opts.matchBy === 'email' && a.object === 'contacts') r.error = `email: ${key} already belongs to contact ${existing}`;
      else creates.push(r);
    } else if (opts.dedup === 'skip') skips.set(r, existing);
    else updates.push({ ...r, id: existing });
  }
  const byLine = new Map<number, { outcome: string; id: string | null; before?: unknown }>();
  const rowOf = new Map(rows.map((r) => [r.line, r]));
  const befores = new Map(updates.length ? (await a.service.getIn(a.tx, ctx, updates.map((u) => u.id))).map((b) => [b.id, b]) : []);
  for (const u of updates) if (befores.get(u.id)?.deletedAt != null) rowOf.get(u.line)!.error = `matches ${SINGULAR[a.object]} ${u.id}, which is in the trash`;
  // Only rows that will be written name companies to make: a skipped row makes none.
  const made: LedgerRow[] = [];
  if (a.company) {
    const lines = new Set([...creates, ...updates].map((r) => r.line));
    made.push(...(await createMissing(a.company, rows.filter((r) => !r.error && lines.has(r.line)))));
  }
  const ok = updates.filter((u) => !rowOf.get(u.line)!.error);
  if (ok.length) {
    for (let i = 0; i < ok.length; i += MAX_BULK) {
      const piece = ok.slice(i, i + MAX_BULK);
      a.setPhase(piece.map((u) => rowOf.get(u.line)!));
      await a.service.bulkUpdate(ctx, piece.map((u) => ({ id: u.id, changes: u.input as any })));
    }
    for (const u of ok) byLine.set(u.line, { outcome: 'updated', id: u.id, before: befores.get(u.id) });
  }
  const toCreate = creates.filter((r) => !r.error);
  const created: { id: string }[] = [];
  // Bulk calls take at most MAX_BULK items; the pieces join the chunk's transaction.
  for (let i = 0; i < toCreate.length; i += MAX_BULK) {
    const piece = toCreate.slice(i, i + MAX_BULK);
    a.setPhase(piece);
    created.push(...(await a.service.bulkCreate(ctx, piece.map((r) => r.input as any))));
  }
  created.forEach((c, i) => byLine.set(toCreate[i].line, { outcome: 'created', id: c.id }));
  const counts: Counts = { created: 0, updated: 0, skipped: 0, errors: 0, companies: made.length };
  for (const r of rows) {
    const done = byLine.get(r.line);
    const skipped = skips.get(r);
    const outcome = r.error ? 'error' : done ? done.outcome : 'skipped';
    counts[outcome === 'error' ? 'errors' : (outcome as 'created' | 'updated' | 'skipped')]++;
    r.ledger = {
      import_id: a.importId,
      row_no: r.line,
      outcome,
      record_id: done?.id ?? (skipped && !skipped.startsWith('same') ? skipped : null),
      before: done?.before ? a.tx.dialect.json.write(done.before) : null,
      raw: outcome === 'error' ? a.tx.dialect.json.write(r.raw) : null,
      message: r.error ?? (skipped?.startsWith('same') ? skipped : null),
    };
  }
  return { counts, made };
}
