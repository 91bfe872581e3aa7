import { expect } from 'vitest';

export type IcsComponent = { name: string; props: { name: string; params: string; value: string }[]; children: IcsComponent[] };

/**
 * Parses iCalendar text strictly enough to catch what calendar apps reject: bare LF, lines over
 * 75 octets, unbalanced BEGIN/END, lines without a name, and unescaped text.
 */
export function parseIcs(text: string): IcsComponent {
  expect(text.endsWith('\r\n'), 'ends with CRLF').toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r'), `bare line break in ${JSON.stringify(line)}`).toBe(false);
    expect(Buffer.byteLength(line), `line longer than 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  // Unfold: a line starting with a space or tab continues the previous one.
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const root: IcsComponent = { name: '', props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const m = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    expect(m, `not a content line: ${line}`).not.toBeNull();
    const [, name, params, value] = m!;
    if (name === 'BEGIN') {
      const child = { name: value, props: [], children: [] };
      stack[stack.length - 1].children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(stack.length > 1 && stack[stack.length - 1].name === value, `END:${value} does not close ${stack[stack.length - 1].name}`).toBe(true);
      stack.pop();
    } else {
      expect(stack.length, `${name} outside any component`).toBeGreaterThan(1);
      stack[stack.length - 1].props.push({ name, params, value });
    }
  }
  expect(stack.length, 'every BEGIN has its END').toBe(1);
  expect(root.children.map((c) => c.name)).toEqual(['VCALENDAR']);
  return root.children[0];
}

export const prop = (c: IcsComponent, name: string) => c.props.find((p) => p.name === name)?.value;

/** TEXT value back to its text; fails on an unescaped comma or semicolon. */
export function unescapeText(value: string): string {
  expect(/(^|[^\\])(\\\\)*[,;]/.test(value), `unescaped , or ; in ${value}`).toBe(false);
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
