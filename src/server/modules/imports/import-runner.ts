import type { CustomField } from '../../../contract/custom-fields';
import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import { listFields } from '../../platform/custom-fields/custom-fields.repository';
import { AppError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { normalizeDomain, normalizeEmail } from '../../platform/normalize';
import { emailHolders } from '../../platform/records/references.repository';
import { createCompaniesService } from '../companies/companies.service';
import { createContactsService } from '../contacts/contacts.service';
import { type CsvFormat, type CsvItem, readRows } from './csv-source';
import { type CardItem, readCardItems } from './vcard-import';
import { type ImportObject, toInput } from './import-mapping';
import { FINAL_STATUSES, type ImportOptions, ctxOfImport } from './import-options';
import { type Counts, type LedgerRow, advanceCheckpoint, findImport, importPieces, insertLedger, setImport } from './imports.repository';

// One transaction per chunk, with the checkpoint: a crash loses at most the chunk under way.
const CHUNK = 500;

export type RunHooks = { onProgress?(done: number, total: number): void; signal?: AbortSignal };
class DryRun extends Error {
  constructor(readonly ledger: LedgerRow[], readonly counts: Counts) {
    super('dry run');
  }
}
class LostRace extends Error {}

type Row = { line: number; raw: unknown; input?: Record<string, any>; companyName?: string; error?: string; ledger?: LedgerRow };

type Item = CsvItem | CardItem;
/** The file's rows, or its cards for a vCard file. */
const readItems = (pieces: AsyncIterable<Buffer>, format: CsvFormat): AsyncIterable<Item> => (format.kind === 'vcard' ? readCardItems(pieces) : readRows(pieces, format));

/** The key a row is matched by, lowercased; undefined when the row has none. */
function keyOf(matchBy: string, input: Record<string, any>): string | undefined {
  if (matchBy === 'email') return input.emails?.[0] ? normalizeEmail(input.emails[0].email) : undefined;
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
  const service = object === 'contacts' ? createContactsService(bound) : createCompaniesService(bound);
  const companies = createCompaniesService(bound);
  const customDefs = await listFields(base, object);
  let checkpoint = imp.rows_done;
  let done = imp.created_count + imp.updated_count + imp.skipped_count + imp.error_count;
  hooks.onProgress?.(done, total);

  const commit = async (items: Item[]) => {
    const rows: Row[] = items.map((item) => {
      if ('error' in item) return { line: item.line, raw: { __raw: item.raw }, error: item.error };
      const converted = 'converted' in item ? item.converted : toInput(object, opts.mapping, item.record, customDefs);
      return 'error' in converted
        ? { line: item.line, raw: item.record, error: converted.error }
        : { line: item.line, raw: item.record, input: converted.input, companyName: converted.companyName };
    });
    const to = items[items.length - 1].line;
    for (;;) {
      let phase: Row[] = [];
      try {
        await base.transaction(async (tx) => {
          current = tx;
          const counts = await writeChunk({ tx, ctx, importId, object, opts, rows, service, companies, customDefs, setPhase: (p) => (phase = p) });
          const ledger = rows.map((r) => r.ledger!);
          if (opts.dryRun) throw new DryRun(ledger, counts);
          await insertLedger(tx, ledger);
          if (!(await advanceCheckpoint(tx, importId, checkpoint, to, counts, nowIso()))) throw new LostRace();
        });
      } catch (err) {
        current = base;
        if (err instanceof DryRun) {
          // Nothing was written: only the report (the bad rows) and the checkpoint are kept.
          await base.transaction(async (tx) => {
            await insertLedger(tx, err.ledger.filter((l) => l.outcome === 'error'));
            if (!(await advanceCheckpoint(tx, importId, checkpoint, to, err.counts, nowIso()))) throw new LostRace();
          });
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

  let chunk: Item[] = [];
  for await (const item of readItems(content(), opts.format)) {
    if (item.line <= checkpoint) continue;
    chunk.push(item);
    if (chunk.length >= CHUNK) {
      if (hooks.signal?.aborted) throw new Error('import stopped; it resumes from its checkpoint');
      await commit(chunk);
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
function peelBadRows(err: unknown, phase: Row[]): boolean {
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
  service: ReturnType<typeof createContactsService> | ReturnType<typeof createCompaniesService>;
  companies: ReturnType<typeof createCompaniesService>;
  customDefs: CustomField[];
  setPhase(rows: Row[]): void;
};

async function lookup(a: ChunkArgs, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  if (a.opts.matchBy === 'email') return emailHolders(a.tx, keys);
  const field = a.opts.matchBy;
  const page = await a.service.list(a.ctx, { filter: { field, op: 'in', value: keys }, limit: keys.length * 2 + 10 });
  const out = new Map<string, string>();
  for (const r of page.data as any[]) {
    const v = field.startsWith('custom.') ? r.custom[field.slice(7)] : r[field];
    if (v !== null && v !== undefined && !out.has(String(v).toLowerCase())) out.set(String(v).toLowerCase(), r.id);
  }
  return out;
}

async function writeChunk(a: ChunkArgs): Promise<Counts> {
  const { rows, opts, ctx } = a;
  const live = rows.filter((r) => !r.error);
  if (a.object === 'contacts') {
    const names = [...new Set(live.map((r) => r.companyName).filter((n): n is string => !!n))];
    if (names.length) {
      const found = await a.companies.list(ctx, { filter: { field: 'name', op: 'in', value: names }, limit: names.length * 2 + 10 });
      const byName = new Map(found.data.map((c) => [c.name.toLowerCase(), c.id]));
      for (const r of live) if (r.companyName && byName.has(r.companyName.toLowerCase())) r.input!.companyId = byName.get(r.companyName.toLowerCase());
    }
  }
  const matches = await lookup(a, [...new Set(live.map((r) => keyOf(opts.matchBy, r.input!)).filter((k): k is string => !!k))]);
  const firstLine = new Map<string, number>();
  const creates: Row[] = [];
  const updates: (Row & { id: string })[] = [];
  const skips = new Map<Row, string>();
  for (const r of live) {
    const key = keyOf(opts.matchBy, r.input!);
    const existing = key ? matches.get(key) : undefined;
    if (key && firstLine.has(key) && opts.dedup !== 'create') {
      skips.set(r, `same ${opts.matchBy} as line ${firstLine.get(key)}`);
      continue;
    }
    if (key) firstLine.set(key, r.line);
    if (!existing || opts.dedup === 'create') {
      if (existing && opts.matchBy === 'email') r.error = `email: ${key} already belongs to contact ${existing}`;
      else creates.push(r);
    } else if (opts.dedup === 'skip') skips.set(r, existing);
    else updates.push({ ...r, id: existing });
  }
  const byLine = new Map<number, { outcome: string; id: string | null; before?: unknown }>();
  if (updates.length) {
    const befores = new Map((await a.service.getIn(a.tx, ctx, updates.map((u) => u.id))).map((b) => [b.id, b]));
    const ok = updates.filter((u) => {
      if (befores.get(u.id)?.deletedAt == null) return true;
      rows.find((r) => r.line === u.line)!.error = `matches ${a.object === 'contacts' ? 'contact' : 'company'} ${u.id}, which is in the trash`;
      return false;
    });
    a.setPhase(ok.map((u) => rows.find((r) => r.line === u.line)!));
    if (ok.length) await a.service.bulkUpdate(ctx, ok.map((u) => ({ id: u.id, changes: u.input as any })));
    for (const u of ok) byLine.set(u.line, { outcome: 'updated', id: u.id, before: befores.get(u.id) });
  }
  const toCreate = creates.filter((r) => !r.error);
  a.setPhase(toCreate);
  const created = toCreate.length ? await a.service.bulkCreate(ctx, toCreate.map((r) => r.input as any)) : [];
  created.forEach((c, i) => byLine.set(toCreate[i].line, { outcome: 'created', id: c.id }));
  const counts: Counts = { created: 0, updated: 0, skipped: 0, errors: 0 };
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
  return counts;
}
