import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { Zip, ZipDeflate } from 'fflate';
import type { TenantTable } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Clock } from '../../platform/clock';
import { type Ctx, requirePermission } from '../../platform/context';
import { recordEvents } from '../../platform/events/events.repository';
import { notFound } from '../../platform/errors';
import { isId } from '../../platform/ids';
import { presentRow, rowsWhereIn } from './export.repository';
import * as repo from './privacy.repository';

type Row = Record<string, unknown>;

/** One file pair of the archive: `<name>.json` and `<name>.csv`. */
type Section = { name: string; about: string; table: TenantTable; column: string; ids: string[]; json: string[]; order?: string };

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function toCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify([columns, ...rows.map((r) => columns.map((c) => cell(r[c])))]);
}

/**
 * The data-subject export (GDPR Art. 15 and 20): everything the workspace holds about one
 * contact, as a zip of JSON and CSV files. The archive streams out as it is written; each
 * section is read with one query.
 */
export function createPersonalExportService(scoped: (ctx: Ctx) => WorkspaceDb, clock: Clock) {
  return {
    async open(ctx: Ctx, contactId: string): Promise<{ fileName: string; stream: Readable }> {
      // The export includes the audit trail about the person, so it needs the audit permission.
      requirePermission(ctx, 'audit:read');
      const db = scoped(ctx);
      const contact = isId(contactId) ? await repo.findContactRow(db, contactId) : undefined;
      if (!contact) throw notFound('Contact');
      // Who took a copy of a person's data, and when, is itself on record (accountability, Art. 5(2)).
      await recordEvents(db, ctx, [{ action: 'personal_data_exported', objectType: 'contacts', objectId: contactId, changes: {} }]);
      const emails = db.dialect.json.read<{ email: string }[]>(contact.emails, []).map((e) => e.email);
      const leads = await repo.leadsOf(db, contactId, emails);
      const leadIds = leads.map((l) => l.id);
      const dealIds = await repo.dealIdsOf(db, contactId);
      const about = [contactId, ...leadIds, ...dealIds];
      const activityIds = await repo.linkedSources(db, 'activity', [contactId, ...leadIds]);
      const taskIds = await repo.linkedSources(db, 'task', [contactId, ...leadIds]);
      const quoteIds = await repo.quoteIdsOf(db, contactId);
      const invoiceIds = await repo.invoiceIdsOf(db, contactId, quoteIds);
      const sections: Section[] = [
        { name: 'consents', about: 'consent grants and withdrawals', table: 'contact_consents', column: 'contact_id', ids: [contactId], json: [], order: 'recorded_at' },
        { name: 'activities', about: 'emails, calls, meetings and notes linked to the person', table: 'activities', column: 'id', ids: activityIds, json: ['details'], order: 'occurred_at' },
        { name: 'comments', about: 'comments on the contact', table: 'comments', column: 'object_id', ids: [contactId], json: ['mentions'] },
        { name: 'tasks', about: 'tasks linked to the person', table: 'tasks', column: 'id', ids: taskIds, json: [] },
        { name: 'deals', about: 'deals the person takes part in', table: 'deals', column: 'id', ids: dealIds, json: ['contact_ids', 'tags', 'custom'] },
        { name: 'quotes', about: 'quotes addressed to the person', table: 'quotes', column: 'id', ids: quoteIds, json: [] },
        { name: 'quote-lines', about: 'lines of those quotes', table: 'quote_lines', column: 'quote_id', ids: quoteIds, json: [], order: 'position' },
        { name: 'invoices', about: 'invoices to the person', table: 'invoices', column: 'id', ids: invoiceIds, json: [] },
        { name: 'invoice-lines', about: 'lines of those invoices', table: 'invoice_lines', column: 'invoice_id', ids: invoiceIds, json: [], order: 'position' },
        { name: 'payments', about: 'payments of those invoices', table: 'payments', column: 'invoice_id', ids: invoiceIds, json: [] },
        { name: 'leads', about: 'leads converted into the person or with their email', table: 'leads', column: 'id', ids: leadIds, json: ['tags', 'custom'] },
        { name: 'import-rows', about: 'rows of CSV imports that created or changed the person', table: 'import_rows', column: 'record_id', ids: [contactId, ...leadIds], json: ['before', 'raw'], order: 'row_no' },
        { name: 'history', about: 'the audit trail: every recorded change to the person, their leads and deals', table: 'events', column: 'object_id', ids: about, json: ['changes'] },
      ];

      const out = new PassThrough();
      const zip = new Zip((err, chunk, final) => {
        if (err) out.destroy(err);
        else {
          out.write(chunk);
          if (final) out.end();
        }
      });
      const add = (name: string, text: string) => {
        const file = new ZipDeflate(name, { level: 6 });
        zip.add(file);
        file.push(Buffer.from(text, 'utf8'), true);
      };
      const at = clock.now().toISOString();
      const safeName = contact.full_name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'contact';
      // Sections are read and written one after another while the response streams.
      void (async () => {
        try {
          const person = presentRow(db, contact, ['emails', 'phones', 'addresses', 'tags', 'custom']);
          add('contact.json', JSON.stringify(person, null, 2));
          add('contact.csv', toCsv([person]));
          const index: string[] = [`Personal data held about contact ${contactId}, exported ${at}.`, '', 'contact.json / contact.csv: the contact record'];
          for (const s of sections) {
            const rows = (s.ids.length ? await rowsWhereIn(db, s.table, s.column, s.ids, s.order) : []).map((r) => presentRow(db, r, s.json));
            add(`${s.name}.json`, JSON.stringify(rows, null, 2));
            add(`${s.name}.csv`, toCsv(rows));
            index.push(`${s.name}.json / ${s.name}.csv: ${s.about} (${rows.length})`);
          }
          add('README.txt', `${index.join('\n')}\n`);
          zip.end();
        } catch (err) {
          out.destroy(err as Error);
        }
      })();
      return { fileName: `personal-data-${safeName}-${at.slice(0, 10)}.zip`, stream: out };
    },
  };
}
export type PersonalExportService = ReturnType<typeof createPersonalExportService>;
