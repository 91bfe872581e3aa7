import { ERROR_STATUS, type ErrorCode, type FieldError } from '../../contract/errors';

/** The one error type services throw; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; errors?: FieldError[]; existingId?: string } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'Your role does not allow this') => new AppError('forbidden', message);
export const invalid = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, { field, errors: [{ field, message }] });

/** Collects field errors so a request reports all of them at once. */
export class FieldErrors {
  constructor(
    readonly prefix = '',
    readonly list: FieldError[] = [],
  ) {}
  add(field: string, message: string) {
    this.list.push({ field: this.prefix + field, message });
  }
  /** Errors for one item of a bulk request, reported as `items.3.field`. */
  scoped(prefix: string): FieldErrors {
    return new FieldErrors(this.prefix + prefix, this.list);
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const first = this.list[0];
    throw new AppError('validation_failed', this.list.map((e) => `${e.field}: ${e.message}`).join('; '), {
      field: first.field,
      errors: this.list,
    });
  }
}
