import { describe, expect, it } from 'vitest';
import { TimelineQuery } from '../../../contract/activities';
import { formatDuration, parseAttendee, parseDuration, textToHtml, typeParam } from './timeline-format';

describe('timeline filters', () => {
  it('asks for everything when no chip or every chip is chosen', () => {
    expect(typeParam([])).toBeUndefined();
    expect(typeParam(['note', 'call', 'meeting', 'email', 'comment', 'event'])).toBeUndefined();
  });
  it('names the server types of the chosen chips, in the pattern the API accepts', () => {
    const param = typeParam(['call', 'email', 'comment'])!;
    expect(param).toBe('call,email,chat,social,comment');
    expect(new RegExp(TimelineQuery.properties.type.pattern!).test(param)).toBe(true);
  });
});

describe('durations', () => {
  it('reads minutes, m:ss and h:mm:ss', () => {
    expect(parseDuration('5')).toBe(300);
    expect(parseDuration('2.5')).toBe(150);
    expect(parseDuration('5:30')).toBe(330);
    expect(parseDuration('1:05:00')).toBe(3900);
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('5:75')).toBeNull();
    expect(parseDuration('ten')).toBeNull();
  });
  it('writes them back in words', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(330)).toBe('5 min 30 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3900)).toBe('1 h 5 min');
  });
});

describe('attendees and bodies', () => {
  it('reads an attendee from the usual ways of writing one', () => {
    expect(parseAttendee('Ann Lee <ann@x.test>')).toEqual({ name: 'Ann Lee', email: 'ann@x.test' });
    expect(parseAttendee('"Ann Lee" <ann@x.test>')).toEqual({ name: 'Ann Lee', email: 'ann@x.test' });
    expect(parseAttendee(' ann@x.test ')).toEqual({ email: 'ann@x.test' });
    expect(parseAttendee('Ann Lee')).toEqual({ name: 'Ann Lee' });
  });
  it('escapes plain text into paragraphs', () => {
    expect(textToHtml('  ')).toBeNull();
    expect(textToHtml('a <b> & c\nd\n\ne')).toBe('<p>a &lt;b&gt; &amp; c<br>d</p><p>e</p>');
  });
});
