export { postgresDialect } from './postgres';
export { sqliteDialect } from './sqlite';
export type { Dialect, ValueKind } from './types';
