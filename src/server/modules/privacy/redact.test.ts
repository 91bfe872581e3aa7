import { describe, expect, it } from 'vitest';
import { ERASED, buildIdentity, redactor } from './redact';

const id = buildIdentity({ names: ['Ann', 'Lee'], fullNames: ['Ann Lee'], emails: ['ann.lee@example.org'], phones: ['+442079460000'] });

describe('redaction', () => {
  it('removes strong identifiers anywhere, ignoring case', () => {
    const r = redactor(id, { weak: false });
    expect(r.text('Mail ANN.LEE@example.org or call +442079460000')).toBe(`Mail ${ERASED} or call ${ERASED}`);
    expect(r.text('met ann lee today')).toBe(`met ${ERASED} today`);
    // Alone, a first name is not enough outside the person's own rows.
    expect(r.text('Ann from accounting')).toBe('Ann from accounting');
  });

  it('removes first and last names as whole words in rows about the person', () => {
    const r = redactor(id, { weak: true });
    expect(r.text('Ann said Lee would sign; Annual plan, Leeds office')).toBe(`${ERASED} said ${ERASED} would sign; Annual plan, Leeds office`);
    expect(r.text('ann lee example org, ann.lee')).toBe(`${ERASED}, ${ERASED}`);
  });

  it('walks JSON values, leaving keys and other types alone', () => {
    const r = redactor(id, { weak: true });
    expect(r.json({ to: ['ann.lee@example.org', 'bob@x.org'], attendees: [{ name: 'Ann', email: 'ANN.LEE@EXAMPLE.ORG' }], n: 3, ok: true, none: null })).toEqual({
      to: [ERASED, 'bob@x.org'],
      attendees: [{ name: ERASED, email: ERASED }],
      n: 3,
      ok: true,
      none: null,
    });
  });

  it('matches nothing when the person has no identifiers left', () => {
    const r = redactor(buildIdentity({ names: [null], fullNames: [''], emails: [], phones: [] }), { weak: true });
    expect(r.text('anything')).toBe('anything');
    expect(r.matches('anything')).toBe(false);
  });
});
