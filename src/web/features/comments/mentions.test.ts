import { describe, expect, it } from 'vitest';
import { MENTION_PATTERN } from '../../../contract/comments';
import { activeMention, commentHtml, highlightMentions, insertMention, matchMembers, mentionToken } from './mentions';

const ann = { userId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: 'Ann Lee', email: 'ann@example.test' };
const bob = { userId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', name: 'Bob Annand', email: 'bob@example.test' };
const cy = { userId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d', name: 'Cy Young', email: 'annex@example.test' };

describe('mentions', () => {
  it('finds the @word typed before the caret, at the start or after a space only', () => {
    expect(activeMention('@an', 3)).toEqual({ start: 0, end: 3, query: 'an' });
    expect(activeMention('hello @', 7)).toEqual({ start: 6, end: 7, query: '' });
    expect(activeMention('mail me@example', 15)).toBeNull();
    expect(activeMention('@ann lee', 8)).toBeNull();
    // The caret decides: text after it does not count.
    expect(activeMention('hi @bo and more', 6)).toEqual({ start: 3, end: 6, query: 'bo' });
  });

  it('ranks name starts before word starts before email starts, and drops the rest', () => {
    expect(matchMembers([cy, bob, ann], 'ann').map((m) => m.name)).toEqual(['Ann Lee', 'Bob Annand', 'Cy Young']);
    expect(matchMembers([cy, bob, ann], 'lee').map((m) => m.name)).toEqual(['Ann Lee']);
    expect(matchMembers([cy, bob, ann], 'zed')).toEqual([]);
    expect(matchMembers([cy, bob, ann], '').length).toBe(3);
  });

  it('inserts a token the server pattern parses, and puts the caret after it', () => {
    const text = 'Ask @an about it';
    const at = activeMention(text, 7)!;
    const out = insertMention(text, at, ann);
    expect(out.text).toBe(`Ask @[Ann Lee](user:${ann.userId})  about it`);
    expect(out.caret).toBe(`Ask @[Ann Lee](user:${ann.userId}) `.length);
    const parsed = [...out.text.matchAll(new RegExp(MENTION_PATTERN))].map((m) => m[2]);
    expect(parsed).toEqual([ann.userId]);
  });

  it('keeps names the syntax could not carry from breaking the token', () => {
    const token = mentionToken({ userId: ann.userId, name: 'Odd ] name\nhere' });
    expect([...token.matchAll(new RegExp(MENTION_PATTERN))]).toHaveLength(1);
  });

  it('turns typed text into escaped paragraphs, keeping tokens intact', () => {
    expect(commentHtml(`<b>hi</b> & @[Ann Lee](user:${ann.userId})\nline\n\nnext`)).toBe(
      `<p>&lt;b&gt;hi&lt;/b&gt; &amp; @[Ann Lee](user:${ann.userId})<br>line</p><p>next</p>`,
    );
  });

  it('highlights tokens with the current name, escaped', () => {
    const html = `<p>see @[Old Name](user:${ann.userId.toUpperCase()}) and @[Gone](user:${bob.userId})</p>`;
    const out = highlightMentions(html, (id) => (id === ann.userId ? 'Ann <Lee>' : undefined));
    expect(out).toBe(`<p>see <span class="mention" data-user-id="${ann.userId}">@Ann &lt;Lee&gt;</span> and <span class="mention" data-user-id="${bob.userId}">@Gone</span></p>`);
  });
});
