import type { Dialect } from '../../db/dialect';
import type { RecordColumns } from '../../db/rows/foundation';

type SharedRow = Pick<RecordColumns, 'tags' | 'description' | 'custom' | 'created_at' | 'updated_at' | 'deleted_at'>;
type SharedApi = { tags: string[]; description: string | null; custom: Record<string, unknown> };

/** Tags, description, custom values and timestamps of a row, as the API shows them. */
export function sharedFromRow(dialect: Dialect, r: SharedRow) {
  return {
    tags: dialect.json.read<string[]>(r.tags, []),
    description: r.description,
    custom: dialect.json.read<Record<string, unknown>>(r.custom, {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

/** Tags, description and custom values as columns (the timestamps are the service's). */
export function sharedColumns(dialect: Dialect, a: SharedApi) {
  return { tags: dialect.json.write(a.tags), description: a.description, custom: dialect.json.write(a.custom) };
}
