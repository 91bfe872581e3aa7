import type { CustomField } from '../../../contract/custom-fields';
import type { FieldErrors } from '../errors';
import { isEmail, isHttpUrl, isIsoDate, normalizeEmail, normalizePhone } from '../normalize';

const MAX = { text: 1000, long_text: 20000 } as const;

/**
 * Validates the `custom` part of a create or update against the workspace's definitions and
 * returns the values in stored form. `null` clears a value.
 */
export function validateCustomValues(
  defs: CustomField[],
  input: Record<string, unknown> | undefined,
  errors: FieldErrors,
  mode: 'create' | 'update',
): Record<string, unknown> {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    const def = byKey.get(key);
    const path = `custom.${key}`;
    if (!def) {
      errors.add(path, 'is not a custom field of this object');
      continue;
    }
    if (value === null) {
      if (def.required) errors.add(path, 'is required');
      else out[key] = null;
      continue;
    }
    const result = normalizeValue(def, value);
    if (typeof result === 'object' && result !== null && 'error' in result) errors.add(path, (result as { error: string }).error);
    else out[key] = result;
  }
  if (mode === 'create') {
    // A key that was sent already has its error (null or a bad value); report only missing ones.
    for (const def of defs) if (def.required && !(def.key in (input ?? {}))) errors.add(`custom.${def.key}`, 'is required');
  }
  return out;
}

type Result = unknown | { error: string };

function normalizeValue(def: CustomField, value: unknown): Result {
  switch (def.type) {
    case 'text':
    case 'long_text': {
      if (typeof value !== 'string') return { error: 'must be text' };
      if (value.length > MAX[def.type]) return { error: `must be at most ${MAX[def.type]} characters` };
      return value;
    }
    case 'email':
      if (typeof value !== 'string' || !isEmail(value.trim())) return { error: 'must be an email address' };
      return normalizeEmail(value);
    case 'phone':
      if (typeof value !== 'string' || value.trim().length < 3 || value.length > 40) return { error: 'must be a phone number' };
      return normalizePhone(value);
    case 'url':
      if (typeof value !== 'string' || value.length > 2000 || !isHttpUrl(value)) return { error: 'must be an http(s) URL' };
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'must be a number' };
      return value;
    case 'currency': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'must be an amount' };
      // Amounts keep at most two decimals; more would be a precision the currency does not have.
      if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) return { error: 'must have at most two decimals' };
      return Math.round(value * 100) / 100;
    }
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) return { error: 'must be a date (YYYY-MM-DD)' };
      return value;
    case 'datetime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value) || !isIsoDate(value.slice(0, 10))) {
        return { error: 'must be an ISO date-time' };
      }
      return new Date(value).toISOString();
    case 'boolean':
      if (typeof value !== 'boolean') return { error: 'must be true or false' };
      return value;
    case 'select':
      if (typeof value !== 'string' || !def.choices.includes(value)) return { error: `must be one of: ${def.choices.join(', ')}` };
      return value;
    case 'multi_select': {
      if (!Array.isArray(value)) return { error: 'must be a list' };
      const bad = value.find((v) => typeof v !== 'string' || !def.choices.includes(v));
      if (bad !== undefined) return { error: `"${String(bad)}" is not one of: ${def.choices.join(', ')}` };
      return [...new Set(value as string[])];
    }
    default:
      return { error: 'has an unknown type' };
  }
}
