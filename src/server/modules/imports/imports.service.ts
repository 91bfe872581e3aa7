import { stringify } from 'csv-stringify/sync';
import type { ImportPreview, ImportRerun } from '../../../contract/imports';
import type { ImportRow } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import { type Ctx, requirePermission } from '../../platform/context';
import { listFields } from '../../platform/custom-fields/custom-fields.repository';
import { AppError, invalid, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import type { JobQueue } from '../../platform/jobs/job-queue';
import { type CsvFormat, SAMPLE, detectFormat, readHeaders, readRows } from './csv-source';
import { type ImportContent, headOf, piecesOf } from './import-file';
import { type ImportObject, type Mapping, suggestMapping, targetsOf, unknownTargets } from './import-mapping';
import { type Dedup, type ImportOptions, defaultMatchBy } from './import-options';
import { revertImport } from './import-revert';
import { importJob } from './import.job';
import { MATCH_KEYS } from './import-targets';
import * as repo from './imports.repository';
import { isVCard, readCardItems } from './vcard-import';

/** A card as the preview shows it. */
const cardSummary = (c: Record<string, any>, company?: string) => ({
  Name: [c.firstName, c.lastName].filter(Boolean).join(' '),
  Emails: (c.emails ?? []).map((e: any) => e.email).join(', '),
  Phones: (c.phones ?? []).map((p: any) => p.phone).join(', '),
  Company: company ?? '',
  Title: c.title ?? '',
});

export type StartImport = {
  objectType: ImportObject;
  /** The file: bytes, or a path (an upload spooled to disk, a file the CLI was given). */
  content: ImportContent;
  fileName?: string | null;
  mapping?: Mapping;
  dedup?: Dedup;
  matchBy?: string;
  dryRun?: boolean;
  /** Contacts: create the companies rows name that are not here yet (default), or leave those rows unlinked. */
  createCompanies?: boolean;
  format?: Partial<CsvFormat>;
  /** Saves the mapping under this name for the next import. */
  saveMappingAs?: string;
  /** False when the caller runs it itself (the CLI, with its progress bar) instead of the job queue. */
  enqueue?: boolean;
};

const ERRORS_SHOWN = 100;

export function createImportsService(scoped: (ctx: Ctx) => WorkspaceDb, queue: JobQueue) {
  const summary = (db: WorkspaceDb, imp: ImportRow) => {
    const opts = db.dialect.json.read<ImportOptions>(imp.options, null as any);
    return {
      id: imp.id,
      objectType: imp.object_type,
      status: imp.status,
      fileName: imp.file_name,
      dryRun: opts.dryRun,
      dedup: opts.dedup,
      matchBy: opts.matchBy,
      createCompanies: opts.createCompanies === true,
      mapping: opts.mapping,
      format: opts.format,
      rowsTotal: imp.rows_total,
      rowsDone: imp.created_count + imp.updated_count + imp.skipped_count + imp.error_count,
      created: imp.created_count,
      updated: imp.updated_count,
      skipped: imp.skipped_count,
      errorCount: imp.error_count,
      // Not rows of the file: rowsDone leaves them out.
      companiesCreated: imp.companies_created_count,
      failure: imp.failure,
      createdAt: imp.created_at,
      updatedAt: imp.updated_at,
    };
  };

  async function view(db: WorkspaceDb, id: string) {
    const imp = await repo.findImport(db, id);
    if (!imp) throw notFound('Import');
    const errors = await repo.ledgerPage(db, id, { after: 0, outcomes: ['error'], limit: ERRORS_SHOWN });
    return { ...summary(db, imp), errors: errors.map((e) => ({ line: e.row_no, message: e.message ?? '' })) };
  }

  async function prepare(db: WorkspaceDb, objectType: ImportObject, head: Buffer, given: Partial<CsvFormat> = {}) {
    if (isVCard(head)) {
      // Cards name their own fields: there is no header to map.
      if (objectType !== 'contacts') throw invalid('file', 'a vCard file holds contacts: import it as contacts');
      return { format: { encoding: 'utf8', delimiter: ',', kind: 'vcard' } as CsvFormat, headers: [] as string[], customDefs: await listFields(db, objectType), suggested: {} as Mapping };
    }
    const format = detectFormat(head, given);
    const headers = await readHeaders(head, format);
    const customDefs = await listFields(db, objectType);
    return { format, headers, customDefs, suggested: suggestMapping(objectType, headers, customDefs) };
  }

  async function previewOfHead(db: WorkspaceDb, objectType: ImportObject, head: Buffer, given: Partial<CsvFormat> = {}, mapping?: Mapping): Promise<ImportPreview> {
    const { format, headers, suggested, customDefs } = await prepare(db, objectType, head, given);
    const saved = await repo.listMappings(db, objectType);
    const sample: Record<string, string>[] = [];
    if (format.kind === 'vcard') {
      for await (const card of readCardItems(piecesOf(head))) {
        if ('converted' in card && 'input' in card.converted) sample.push(cardSummary(card.converted.input, card.converted.companyName));
        if (sample.length >= 5) break;
      }
    } else {
      for await (const item of readRows(head, format)) {
        if ('record' in item) sample.push(item.record);
        if (sample.length >= 5) break;
      }
    }
    return {
      format,
      headers,
      mapping: mapping ?? suggested,
      saved: saved.map((m) => ({ name: m.name, mapping: db.dialect.json.read<Mapping>(m.mapping, {}) })),
      targets: targetsOf(objectType, customDefs),
      sample,
    };
  }

  type Begin = Omit<StartImport, 'content'> & { head: Buffer; pieces(tx: WorkspaceDb): AsyncIterable<Buffer> };

  /** Checks the options against the file's header and stores the import with its file. */
  async function begin(ctx: Ctx, input: Begin) {
    const db = scoped(ctx);
    const { format, headers, customDefs, suggested } = await prepare(db, input.objectType, input.head, input.format);
    const vcard = format.kind === 'vcard';
    if (headers.length === 0 && !vcard) throw invalid('file', 'is empty or has no header row');
    const mapping = vcard ? {} : (input.mapping ?? suggested);
    const missing = Object.keys(mapping).filter((h) => !headers.includes(h));
    if (missing.length) throw invalid('mapping', `the file has no column "${missing[0]}"`);
    const unknown = unknownTargets(input.objectType, mapping, customDefs);
    if (unknown.length) throw invalid('mapping', `"${unknown[0]}" is not a field of ${input.objectType}`);
    const matchBy = input.matchBy ?? defaultMatchBy(input.objectType);
    const keys = MATCH_KEYS[input.objectType];
    if (!keys.includes(matchBy) && !customDefs.some((d) => `custom.${d.key}` === matchBy)) {
      throw invalid('matchBy', `must be ${keys.join(' or ')} or a custom field (custom.<key>)`);
    }
    const options: ImportOptions = {
      mapping,
      dedup: input.dedup ?? 'skip',
      matchBy,
      dryRun: input.dryRun ?? false,
      createCompanies: input.objectType === 'contacts' && input.createCompanies !== false,
      format,
      actor: { role: ctx.role, userId: ctx.userId, type: ctx.actor.type, id: ctx.actor.id },
    };
    const id = newId();
    const at = nowIso();
    await db.transaction(async (tx) => {
      await repo.insertImport(
        tx,
        { id, object_type: input.objectType, status: 'queued', file_name: input.fileName ?? null, options: tx.dialect.json.write(options), rows_total: null, rows_done: 0, created_count: 0, updated_count: 0, skipped_count: 0, error_count: 0, companies_created_count: 0, failure: null, job_id: null, created_by: ctx.userId, created_at: at, updated_at: at },
        input.pieces(tx),
      );
      if (input.saveMappingAs) await repo.saveMapping(tx, { object_type: input.objectType, name: input.saveMappingAs.slice(0, 100), mapping: tx.dialect.json.write(mapping), updated_at: at });
      if (input.enqueue === false) return;
      const job = await queue.enqueue(tx, importJob, { importId: id });
      await repo.setImport(tx, id, { job_id: job.id });
    });
    return view(db, id);
  }

  return {
    /** The headers of a file, a few rows, and the mapping proposed for them (for a screen to edit). */
    async preview(ctx: Ctx, input: Pick<StartImport, 'objectType' | 'content' | 'format' | 'fileName'>): Promise<ImportPreview> {
      requirePermission(ctx, 'records:bulk');
      return previewOfHead(scoped(ctx), input.objectType, await headOf(input.content, SAMPLE), input.format);
    },

    async start(ctx: Ctx, input: StartImport) {
      requirePermission(ctx, 'records:bulk');
      const head = await headOf(input.content, SAMPLE);
      return begin(ctx, { ...input, head, pieces: () => piecesOf(input.content) });
    },

    /** The file of an earlier import, imported again with other options (for real after a dry run). */
    async rerun(ctx: Ctx, id: string, input: ImportRerun) {
      requirePermission(ctx, 'records:bulk');
      const db = scoped(ctx);
      const imp = await repo.findImport(db, id);
      if (!imp) throw notFound('Import');
      const opts = db.dialect.json.read<ImportOptions>(imp.options, null as any);
      return begin(ctx, {
        objectType: imp.object_type as ImportObject,
        head: await repo.importHead(db, id),
        // Copied piece by piece inside the new import's transaction.
        pieces: (tx) => repo.importPieces(tx, id),
        fileName: imp.file_name,
        mapping: input.mapping ?? opts.mapping,
        dedup: input.dedup ?? opts.dedup,
        matchBy: input.matchBy ?? opts.matchBy,
        dryRun: input.dryRun ?? false,
        createCompanies: input.createCompanies ?? opts.createCompanies,
        format: { encoding: input.encoding ?? opts.format.encoding, delimiter: input.delimiter ?? opts.format.delimiter },
        saveMappingAs: input.saveMappingAs,
      });
    },

    /** The preview of an earlier import's stored file (to change its mapping without uploading it again). */
    async previewOf(ctx: Ctx, id: string, format: Partial<CsvFormat>): Promise<ImportPreview> {
      requirePermission(ctx, 'records:bulk');
      const db = scoped(ctx);
      const imp = await repo.findImport(db, id);
      if (!imp) throw notFound('Import');
      const opts = db.dialect.json.read<ImportOptions>(imp.options, null as any);
      const head = await repo.importHead(db, id);
      return previewOfHead(db, imp.object_type as ImportObject, head, { encoding: format.encoding ?? opts.format.encoding, delimiter: format.delimiter ?? opts.format.delimiter }, opts.mapping);
    },

    /** The bad rows a page at a time, each with its line, reason and values. */
    async errorPage(ctx: Ctx, id: string, params: { after: number; limit: number }) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      if (!(await repo.findImport(db, id))) throw notFound('Import');
      const page = await repo.ledgerPage(db, id, { after: params.after, outcomes: ['error'], limit: params.limit });
      return {
        data: page.map((e) => ({ line: e.row_no, message: e.message ?? '', values: db.dialect.json.read<Record<string, string>>(e.raw, {}) })),
        nextAfter: page.length === params.limit ? page[page.length - 1].row_no : null,
      };
    },

    /** Past imports, newest first. */
    async list(ctx: Ctx, params: { objectType?: ImportObject; limit: number }) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      return (await repo.listImports(db, params)).map((imp) => summary(db, imp));
    },

    async get(ctx: Ctx, id: string) {
      requirePermission(ctx, 'records:read');
      return view(scoped(ctx), id);
    },

    /** The bad rows as CSV, with the line and the reason first, a page at a time. */
    async *errorsCsv(ctx: Ctx, id: string): AsyncGenerator<string> {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      const imp = await repo.findImport(db, id);
      if (!imp) throw notFound('Import');
      const opts = db.dialect.json.read<ImportOptions>(imp.options, null as any);
      const headers = opts.format.kind === 'vcard' ? ['vcard'] : await readHeaders(await repo.importHead(db, id), opts.format);
      yield stringify([['line', 'error', ...headers, 'unreadable']]);
      for (let after = 0; ; ) {
        const page = await repo.ledgerPage(db, id, { after, outcomes: ['error'], limit: 1000 });
        if (page.length === 0) return;
        after = page[page.length - 1].row_no;
        yield stringify(
          page.map((e) => {
            const raw = db.dialect.json.read<Record<string, string>>(e.raw, {});
            return [e.row_no, e.message ?? '', ...headers.map((h) => raw[h] ?? ''), raw.__raw ?? ''];
          }),
        );
      }
    },

    /** Undoes the whole import in one transaction. */
    async revert(ctx: Ctx, id: string) {
      requirePermission(ctx, 'records:bulk');
      const db = scoped(ctx);
      const imp = await repo.findImport(db, id);
      if (!imp) throw notFound('Import');
      const opts = db.dialect.json.read<ImportOptions>(imp.options, null as any);
      if (imp.status === 'reverted') throw new AppError('conflict', 'this import was already reverted');
      if (imp.status === 'queued' || imp.status === 'running') throw new AppError('conflict', 'this import is still running; revert it once it has finished');
      if (opts.dryRun) throw new AppError('conflict', 'a dry run wrote nothing, there is nothing to revert');
      const result = await db.transaction(async (tx) => {
        const r = await revertImport(tx, ctx, id, imp.object_type as ImportObject);
        await repo.setImport(tx, id, { status: 'reverted', updated_at: nowIso() });
        return r;
      });
      return { ...(await view(db, id)), ...result };
    },

    /** Forgets an import (its file, ledger and report); what it wrote stays. */
    async discard(ctx: Ctx, id: string) {
      requirePermission(ctx, 'records:bulk');
      await repo.deleteImport(scoped(ctx), id);
    },

    async mappings(ctx: Ctx, objectType: ImportObject) {
      requirePermission(ctx, 'records:read');
      const db = scoped(ctx);
      return (await repo.listMappings(db, objectType)).map((m) => ({ name: m.name, mapping: db.dialect.json.read<Mapping>(m.mapping, {}), updatedAt: m.updated_at }));
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
