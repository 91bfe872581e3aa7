import type { CompiledQuery } from 'kysely';

// Stand-ins bound as parameters while compiling: NUL bytes keep them from meeting a real value.
export const WORKSPACE_SLOT = '\u0000rapport:workspace\u0000';
const VALUE_SLOT = '\u0000rapport:value:';
export const valueSlot = (name: string) => `${VALUE_SLOT}${name}\u0000`;

type Slot = { kind: 'workspace' } | { kind: 'value'; name: string } | { kind: 'constant'; value: unknown };

/** SQL compiled once; each run binds the workspace and the named values (see WorkspaceDb.prepare). */
export type Prepared<R, P extends string> = {
  readonly sql: string;
  readonly dialect: string;
  readonly slots: readonly Slot[];
  /** Never read: carries the row type. */
  readonly rowType?: R;
  readonly names?: P;
};

export function preparedFrom<R, P extends string>(compiled: CompiledQuery<R>, dialect: string, names: readonly P[]): Prepared<R, P> {
  const slots: Slot[] = compiled.parameters.map((p) => {
    if (p === WORKSPACE_SLOT) return { kind: 'workspace' };
    if (typeof p === 'string' && p.startsWith(VALUE_SLOT)) return { kind: 'value', name: p.slice(VALUE_SLOT.length, -1) };
    return { kind: 'constant', value: p };
  });
  // A prepared query that lost its tenant filter, or a value that never reached the SQL, is a bug.
  if (!slots.some((s) => s.kind === 'workspace')) throw new Error('A prepared query must filter by workspace');
  for (const name of names) {
    if (!slots.some((s) => s.kind === 'value' && s.name === name)) throw new Error(`A prepared query does not use its value "${name}"`);
  }
  return { sql: compiled.sql, dialect, slots };
}

export function bindPrepared<P extends string>(prepared: Prepared<unknown, P>, workspaceId: string, values: Record<P, unknown>): unknown[] {
  return prepared.slots.map((s) => (s.kind === 'workspace' ? workspaceId : s.kind === 'value' ? values[s.name as P] : s.value));
}
