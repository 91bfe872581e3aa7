import {
  type Compilable,
  CompiledQuery,
  type DeleteQueryBuilder,
  type DeleteResult,
  type InsertObject,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type Transaction,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import type { ReadNow } from './database';
import type { Dialect } from './dialect';
import { nameStatement } from './pg-named';
import { type Prepared, WORKSPACE_SLOT, bindPrepared, preparedFrom, valueSlot } from './prepared';
import type { DB, TenantTable } from './schema';

type TenantInsert<T extends TenantTable> = Omit<InsertObject<DB, T>, 'workspace_id'>;

/** A change as live listeners hear of it (objectType `contacts`, action `updated`, …). */
export type FeedChange = { objectType: string; objectId: string; action: string; actorId: string | null };
/** Told of changes once their transaction has committed; must not throw. */
export type ChangeFeed = (workspaceId: string, changes: FeedChange[]) => void;

/**
 * The only door to workspace-owned tables. It is bound to one workspace and adds
 * `workspace_id = …` to every select, update and delete, and sets it on every insert, so a
 * repository cannot forget the tenant.
 */
export class WorkspaceDb {
  constructor(
    private readonly kysely: Kysely<DB>,
    readonly workspaceId: string,
    readonly dialect: Dialect,
    readonly feed: ChangeFeed | null = null,
    // Set inside `transaction()`: hooks wait for the commit (and are dropped on rollback).
    private readonly commitHooks: (() => void)[] | null = null,
    // Outside transactions only: inside one, reads must go through the transaction.
    private readonly readNow: ReadNow | null = null,
  ) {}

  /** Runs `hook` after the current transaction commits, or at once outside a transaction. Hooks must not throw. */
  afterCommit(hook: () => void): void {
    if (this.commitHooks) this.commitHooks.push(hook);
    else hook();
  }

  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<DB, T, object> {
    return (this.kysely.selectFrom(table) as SelectQueryBuilder<DB, any, object>).where(
      `${table}.workspace_id` as any,
      '=',
      this.workspaceId,
    ) as SelectQueryBuilder<DB, T, object>;
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> {
    return (this.kysely.updateTable(table) as UpdateQueryBuilder<DB, any, any, UpdateResult>).where(
      `${table}.workspace_id` as any,
      '=',
      this.workspaceId,
    ) as UpdateQueryBuilder<DB, T, T, UpdateResult>;
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<DB, T, DeleteResult> {
    return (this.kysely.deleteFrom(table) as DeleteQueryBuilder<DB, any, DeleteResult>).where(
      `${table}.workspace_id` as any,
      '=',
      this.workspaceId,
    ) as DeleteQueryBuilder<DB, T, DeleteResult>;
  }

  insertInto<T extends TenantTable>(table: T, rows: TenantInsert<T> | TenantInsert<T>[]): InsertQueryBuilder<DB, T, InsertResult> {
    const list = Array.isArray(rows) ? rows : [rows];
    const values = list.map((r) => ({ ...r, workspace_id: this.workspaceId })) as unknown as InsertObject<DB, T>[];
    return this.kysely.insertInto(table).values(values);
  }

  /** A hand-written query; the builder receives the workspace id and must filter by it. */
  async raw<R>(build: (workspaceId: string) => RawBuilder<R>): Promise<R[]> {
    const result = await build(this.workspaceId).execute(this.kysely);
    return result.rows;
  }

  /**
   * Builds and compiles a query once, against a stand-in workspace and stand-in values, for
   * `runPrepared` to bind the real ones. Building and compiling cost more CPU than running a
   * primary-key read, so the hottest reads (a record by id) prepare theirs. The stand-in workspace
   * must reach the parameters, so a prepared query keeps its tenant filter. On PostgreSQL the SQL
   * also runs as a named statement, sparing the server its planning (see pg-named.ts).
   */
  prepare<R, P extends string>(names: readonly P[], build: (db: WorkspaceDb, value: (name: P) => string) => Compilable<R>): Prepared<R, P> {
    const standIn = new WorkspaceDb(this.kysely, WORKSPACE_SLOT, this.dialect);
    const prepared = preparedFrom(build(standIn, valueSlot).compile(), this.dialect.name, names);
    if (this.dialect.name === 'postgres') nameStatement(prepared.sql);
    return prepared;
  }

  /** Runs a prepared query in this workspace (and this transaction, if any). */
  async runPrepared<R, P extends string>(prepared: Prepared<R, P>, values: Record<P, unknown>): Promise<R[]> {
    if (prepared.dialect !== this.dialect.name) throw new Error(`Prepared for ${prepared.dialect}, run on ${this.dialect.name}`);
    const parameters = bindPrepared(prepared, this.workspaceId, values);
    // The hottest reads skip Kysely's executor when the database can run them at once.
    const now = this.readNow && !this.kysely.isTransaction ? this.readNow(prepared.sql, parameters) : undefined;
    if (now) return now as R[];
    const result = await this.kysely.executeQuery(CompiledQuery.raw(prepared.sql, parameters));
    return result.rows as R[];
  }

  /** Runs `fn` in a transaction (or inside the current one). */
  async transaction<R>(fn: (tx: WorkspaceDb) => Promise<R>): Promise<R> {
    if (this.kysely.isTransaction) return fn(this);
    const hooks: (() => void)[] = [];
    const result = await this.kysely
      .transaction()
      .execute((trx: Transaction<DB>) => fn(new WorkspaceDb(trx, this.workspaceId, this.dialect, this.feed, hooks)));
    for (const hook of hooks) hook();
    return result;
  }
}
