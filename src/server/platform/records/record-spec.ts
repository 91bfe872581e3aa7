import type { CustomField, RecordType } from '../../../contract/custom-fields';
import type { SelectQueryBuilder } from 'kysely';
import type { Dialect } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../context';
import type { FieldErrors } from '../errors';
import type { FieldRegistry } from '../filters/field-spec';
import type { SearchDocument } from '../search/search.repository';
import type { RefRequest, Refs } from './record-input';

export type RecordApi = {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  custom: Record<string, unknown>;
};
export type RecordRow = { id: string; version: number; deleted_at: string | null };

export type PrepareArgs<Api, Input> = {
  tx: WorkspaceDb;
  ctx: Ctx;
  input: Input;
  /** The record as it is now, or null when creating. */
  base: Api | null;
  customDefs: CustomField[];
  errors: FieldErrors;
  /** References of the whole call, loaded at once (see `references`). */
  refs: Refs;
  /** Runs `load` once per write call and shares its result across the call's records (e.g. the pipelines a thousand deals land in). */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
};

/**
 * What one kind of record (contacts, companies, later deals…) tells the shared record service:
 * how it is stored, validated, shown and found.
 */
export type RecordSpec<Api extends RecordApi, Row extends RecordRow, CreateIn, UpdateIn> = {
  objectType: RecordType;
  table: RecordType;
  label: string;
  fields(customDefs: CustomField[]): FieldRegistry;
  fromRow(dialect: Dialect, row: Row): Api;
  /** Adds joined columns shown with the record (e.g. the company's name) to every read. */
  select?<Q extends SelectQueryBuilder<DB, any, any>>(qb: Q): Q;
  /** Narrows every read and write to the rows this caller may see (e.g. a member's own deals); others answer 404. */
  visibleTo?<Q extends SelectQueryBuilder<DB, any, any>>(ctx: Ctx, qb: Q): Q;
  /** What an input refers to (companies, owners, emails), so a bulk call checks them in one go. */
  references(input: CreateIn | UpdateIn): RefRequest;
  /** Validates `input` and returns the record's next state (its id and meta are set by the service). */
  prepare(args: PrepareArgs<Api, CreateIn | UpdateIn>): Promise<Api>;
  toColumns(dialect: Dialect, api: Api): Record<string, unknown>;
  /** Keeps side tables in step (e.g. the email index); runs in the write's transaction. */
  afterWrite?(tx: WorkspaceDb, items: Api[], mode: 'create' | 'update', ctx: Ctx): Promise<void>;
  afterDelete?(tx: WorkspaceDb, ids: string[]): Promise<void>;
  /** What global search finds the record by; null keeps it out of search (e.g. records not everyone may see). */
  searchDocument(api: Api): Omit<SearchDocument, 'objectType' | 'recordId'> | null;
};
