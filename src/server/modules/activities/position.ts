import { AppError } from '../../platform/errors';
import type { Position } from './activities.repository';

/** Cursors of time-ordered lists: the (time, id) of the last item shown. */
export const encodePosition = (p: Position): string => Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');

export function decodePosition(cursor: string): Position {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // reported below
  }
  throw new AppError('invalid_cursor', 'cursor: does not belong to this list; start again without it', { field: 'cursor' });
}
