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
  mapping: Type.Record(Type.String(), Type.String()),
  format: Type.Object({ encoding: Type.String(), delimiter: Type.String() }),
  rowsTotal: Nullable(Type.Integer()),
  rowsDone: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() }), { description: 'The first 100 bad rows; all of them in errors.csv' }),
  failure: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  restored: Type.Optional(Type.Integer()),
  removed: Type.Optional(Type.Integer()),
});
export type ImportView = Static<typeof ImportView>;
