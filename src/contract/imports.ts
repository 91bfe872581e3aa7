import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './common';

/** An import as its progress screen shows it. */
export const ImportView = Type.Object({
  id: Type.String(),
  objectType: Type.String(),
  status: Type.String({ description: 'queued, running, done, failed or reverted' }),
  fileName: Nullable(Type.String()),
  dryRun: Type.Boolean(),
  dedup: Type.String({ description: 'skip, update or create' }),
  matchBy: Type.String(),
  createCompanies: Type.Boolean({ description: 'Contacts: a company a row names that is not here yet is created and linked' }),
  mapping: Type.Record(Type.String(), Type.String()),
  format: Type.Object({ encoding: Type.String(), delimiter: Type.String(), kind: Type.Optional(Type.String({ description: 'vcard for a file of vCards' })) }),
  rowsTotal: Nullable(Type.Integer()),
  rowsDone: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  errorCount: Type.Integer(),
  companiesCreated: Type.Integer({ description: 'Companies created for the names contact rows gave (not counted in rowsDone)' }),
  errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() }), { description: 'The first 100 bad rows; all of them in errors.csv' }),
  failure: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  restored: Type.Optional(Type.Integer()),
  removed: Type.Optional(Type.Integer()),
  companiesRemoved: Type.Optional(Type.Integer({ description: 'After a revert: the companies the import had created, now in the trash' })),
});
export type ImportView = Static<typeof ImportView>;

/** An import in the list of past imports. */
export const ImportSummary = Type.Omit(ImportView, ['errors', 'restored', 'removed', 'companiesRemoved']);
export type ImportSummary = Static<typeof ImportSummary>;
export const ImportList = Type.Object({ data: Type.Array(ImportSummary) });
export type ImportList = Static<typeof ImportList>;

/** The same file again, with other options: for real after a dry run, or with a fixed mapping. */
export const ImportRerun = Type.Object({
  dryRun: Type.Optional(Type.Boolean()),
  createCompanies: Type.Optional(Type.Boolean({ description: "Contacts: create the companies rows name that are not here yet; default: the first run's" })),
  mapping: Type.Optional(Type.Record(Type.String(), Type.String(), { description: '{"CSV header": "field"}; default: the first run\'s' })),
  dedup: Type.Optional(Type.Union([Type.Literal('skip'), Type.Literal('update'), Type.Literal('create')])),
  matchBy: Type.Optional(Type.String({ maxLength: 100 })),
  encoding: Type.Optional(Type.Union([Type.Literal('utf8'), Type.Literal('latin1')])),
  delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
  saveMappingAs: Type.Optional(Type.String({ maxLength: 100 })),
});
export type ImportRerun = Static<typeof ImportRerun>;

/** What the import screen edits before starting: the file's columns, format and proposed mapping. */
export type ImportPreview = {
  format: { encoding: string; delimiter: string; kind?: string };
  headers: string[];
  mapping: Record<string, string>;
  saved: { name: string; mapping: Record<string, string> }[];
  /** The fields a column can be mapped to. */
  targets: { key: string; label: string }[];
  sample: Record<string, string>[];
};

export const ImportErrorPage = Type.Object({
  data: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String(), values: Type.Record(Type.String(), Type.String(), { description: 'The row as read (`__raw` for an unreadable one)' }) })),
  nextAfter: Nullable(Type.Integer()),
});
export type ImportErrorPage = Static<typeof ImportErrorPage>;
