import { describe, expect, it } from 'vitest';
import { errorAt, fieldErrorsOf, humanizeMessage, unclaimed } from './field-errors';

describe('field errors from problem+json', () => {
  it('keys schema errors by the path of the input they concern', () => {
    const errors = fieldErrorsOf({
      detail: 'emails.0.email: must match format "email"; custom.tier: must be one of: gold, silver',
      field: 'emails.0.email',
      errors: [
        { field: 'emails.0.email', message: 'must match format "email"' },
        { field: 'custom.tier', message: 'must be one of: gold, silver' },
      ],
    });
    expect(errors).toEqual({ 'emails.0.email': 'Enter a valid email address', 'custom.tier': 'Must be one of: gold, silver' });
  });

  it('takes a rule error’s single field and its detail without the field name', () => {
    expect(fieldErrorsOf({ field: 'emails.1.email', detail: 'emails.1.email: ada@x.io already belongs to contact 0190' })).toEqual({
      'emails.1.email': 'ada@x.io already belongs to contact 0190',
    });
    expect(fieldErrorsOf({ detail: 'Email or password is wrong' })).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });

  it('strips the wrapper of bulk answers', () => {
    expect(fieldErrorsOf({ errors: [{ field: 'items.2.changes.title', message: 'must NOT have more than 160 characters' }] }, 'items.2.changes.')).toEqual({
      title: 'Must be at most 160 characters',
    });
  });

  it('finds the error of a parent path for a nested input', () => {
    const errors = { emails: 'Must NOT have more than 20 items', 'phones.0': 'Is invalid' };
    expect(errorAt(errors, 'phones.0.phone')).toBe('Is invalid');
    expect(errorAt(errors, 'emails.3.email')).toBe('Must NOT have more than 20 items');
    expect(errorAt(errors, 'title')).toBeUndefined();
  });

  it('keeps errors no input claims, so they can be shown on top', () => {
    expect(unclaimed({ title: 'x', 'sort.0.field': 'y' }, (p) => p === 'title')).toEqual({ 'sort.0.field': 'y' });
  });

  it('rewords the validator’s phrases', () => {
    expect(humanizeMessage('must match format "uri"')).toBe('Enter a full web address, e.g. https://example.com');
    expect(humanizeMessage('must NOT have fewer than 1 characters')).toBe('Is required');
    expect(humanizeMessage('must NOT have fewer than 10 characters')).toBe('Must be at least 10 characters');
    expect(humanizeMessage('is required')).toBe('Is required');
  });
});
