import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, fold } from './ics';

describe('iCalendar writer', () => {
  it('escapes text values', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    for (const l of folded.slice(1)) expect(l.startsWith(' ')).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
    expect(fold('SHORT:x')).toBe('SHORT:x');
  });

  it('writes a calendar with CRLF line ends', () => {
    const ics = buildCalendar({
      name: 'Ann',
      now: new Date('2030-01-01T00:00:00Z'),
      events: [{ uid: 'x@rapport', start: new Date('2030-01-02T09:00:00Z'), end: new Date('2030-01-02T09:30:00Z'), summary: 'Call, then; write' }],
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('DTSTART:20300102T090000Z\r\n');
    expect(ics).toContain('SUMMARY:Call\\, then\\; write\r\n');
  });
});
