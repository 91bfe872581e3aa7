import { MENTION_PATTERN } from '../../../contract/comments';
import { textToHtml } from '../timeline/timeline-format';

export type Mentionable = { userId: string; name: string; email: string };

/** The `@word` being typed right before the caret, if any: where it starts and what it asks for. */
export type ActiveMention = { start: number; end: number; query: string };

// An `@` at the start or after a space, then up to 40 characters that are not spaces or brackets.
const TYPING = /(^|\s)@([^\s@[\]()]{0,40})$/;

export function activeMention(text: string, caret: number): ActiveMention | null {
  const match = TYPING.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2];
  return { start: caret - query.length - 1, end: caret, query };
}

/** Members whose name or email has a word starting with the query, best matches first. */
export function matchMembers(members: Mentionable[], query: string, limit = 8): Mentionable[] {
  const q = query.toLowerCase();
  const score = (m: Mentionable) => {
    const name = m.name.toLowerCase();
    if (!q || name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    if (m.email.toLowerCase().startsWith(q)) return 2;
    return -1;
  };
  return members
    .map((m) => ({ m, s: score(m) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || a.m.name.localeCompare(b.m.name))
    .slice(0, limit)
    .map((x) => x.m);
}

/** The name as the mention syntax allows it: no `]` or line breaks, at most 120 characters. */
export const mentionName = (name: string) => name.replace(/[\]\n\r]/g, ' ').trim().slice(0, 120) || 'member';

/** The mention token the server parses: `@[Ann Lee](user:<id>)`. */
export const mentionToken = (m: Pick<Mentionable, 'userId' | 'name'>) => `@[${mentionName(m.name)}](user:${m.userId})`;

/** Replaces the `@query` being typed with the member's token and a space; returns the new text and caret. */
export function insertMention(text: string, at: ActiveMention, member: Mentionable): { text: string; caret: number } {
  const token = `${mentionToken(member)} `;
  return { text: text.slice(0, at.start) + token + text.slice(at.end), caret: at.start + token.length };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the comment box holds (plain text with mention tokens) as the HTML the API takes. */
export const commentHtml = (text: string) => textToHtml(text) ?? '';

/**
 * Mention tokens inside stored (already escaped) HTML become highlighted names. The name shown is
 * the member's current one when known; the token's own text otherwise.
 */
export function highlightMentions(html: string, nameOf: (userId: string) => string | undefined): string {
  return html.replace(new RegExp(MENTION_PATTERN), (_all, name: string, id: string) => {
    const current = nameOf(id.toLowerCase());
    return `<span class="mention" data-user-id="${id.toLowerCase()}">@${current ? escapeHtml(current) : name}</span>`;
  });
}
