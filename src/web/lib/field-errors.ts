import type { FieldError } from '../../contract/errors';

/** Field path (`emails.0.email`, `custom.tier`) → the message to show beside that input. */
export type FieldErrorMap = Record<string, string>;

type ProblemLike = { detail?: string; field?: string; errors?: FieldError[] };

const FORMATS: Record<string, string> = {
  email: 'Enter a valid email address',
  uri: 'Enter a full web address, e.g. https://example.com',
  date: 'Enter a date (YYYY-MM-DD)',
  'date-time': 'Enter a date and time',
  uuid: 'Pick a record from the list',
};

/** Turns validator wording ("must match format \"email\"") into what a person reads. */
export function humanizeMessage(message: string): string {
  const format = /must match format "([^"]+)"/.exec(message);
  if (format) return FORMATS[format[1]] ?? `Enter a valid ${format[1]}`;
  if (/must match pattern/.test(message)) return 'Has characters that are not allowed here';
  if (/must NOT have fewer than 1 characters/.test(message)) return 'Is required';
  const fewer = /must NOT have fewer than (\d+) characters/.exec(message);
  if (fewer) return `Must be at least ${fewer[1]} characters`;
  const more = /must NOT have more than (\d+) characters/.exec(message);
  if (more) return `Must be at most ${more[1]} characters`;
  // Capitalise a leading word, not a leading value such as an email address.
  return /^[a-z]+(\s|$)/.test(message) ? message.charAt(0).toUpperCase() + message.slice(1) : message;
}

/** Strips the `field: ` prefix the server puts in front of a detail. */
function withoutFieldPrefix(detail: string, field: string): string {
  return detail.startsWith(`${field}: `) ? detail.slice(field.length + 2) : detail;
}

/**
 * Collects a problem's field-level errors by path. Bodies validated by schema carry `errors[]`;
 * rule errors (a duplicate email, a wrong password) carry one `field` with the `detail`.
 * `stripPrefix` removes a wrapper such as `items.0.changes.` from bulk answers.
 */
export function fieldErrorsOf(problem: ProblemLike | null | undefined, stripPrefix = ''): FieldErrorMap {
  const out: FieldErrorMap = {};
  if (!problem) return out;
  const strip = (f: string) => (stripPrefix && f.startsWith(stripPrefix) ? f.slice(stripPrefix.length) : f);
  for (const e of problem.errors ?? []) {
    const key = strip(e.field);
    if (!(key in out)) out[key] = humanizeMessage(e.message);
  }
  if (problem.field && !problem.errors?.length) {
    out[strip(problem.field)] = humanizeMessage(withoutFieldPrefix(problem.detail ?? 'Is invalid', problem.field));
  }
  return out;
}

/** The error for `path`, or for the nearest parent path that has one (`emails.0` for `emails.0.email`). */
export function errorAt(errors: FieldErrorMap, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join('.');
    if (errors[parent]) return errors[parent];
  }
  return undefined;
}

/** Errors whose path none of the shown inputs claims, so they can be shown at the top instead of lost. */
export function unclaimed(errors: FieldErrorMap, claimed: (path: string) => boolean): FieldErrorMap {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !claimed(path)));
}
