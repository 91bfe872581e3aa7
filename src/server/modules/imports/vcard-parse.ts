/**
 * A streaming vCard reader for versions 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350): unfolds lines,
 * joins quoted-printable soft breaks, reads groups and parameters (2.1's bare types too),
 * decodes QUOTED-PRINTABLE and BASE64 and each value's CHARSET, and undoes the escaping of
 * text and of structured values. The whole file is never held: cards come out one at a time.
 */

export type VProperty = { group: string | null; name: string; params: Record<string, string[]>; value: string };
export type VCardItem = { line: number; version: string | null; props: VProperty[]; raw: string } | { line: number; error: string; raw: string };

const MAX_CARD = 1024 * 1024;

/** Physical lines of a byte stream, as "binary" strings (one char per byte) so each value can be decoded in its own charset. */
async function* linesOf(pieces: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let rest = '';
  let first = true;
  for await (const piece of pieces) {
    let text = rest + piece.toString('latin1');
    if (first) {
      text = text.replace(/^\xEF\xBB\xBF/, '');
      first = false;
    }
    const lines = text.split('\n');
    rest = lines.pop()!;
    for (const l of lines) yield l.endsWith('\r') ? l.slice(0, -1) : l;
  }
  if (rest) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/** Logical lines with the line number they start on: folded lines unfolded, QP soft breaks joined. */
async function* logicalLines(pieces: AsyncIterable<Buffer>): AsyncGenerator<{ line: number; text: string }> {
  let current: { line: number; text: string } | null = null;
  let n = 0;
  for await (const physical of linesOf(pieces)) {
    n++;
    if (current && /^[ \t]/.test(physical)) {
      current.text += physical.slice(1);
      continue;
    }
    // vCard 2.1 quoted-printable: a line ending in "=" goes on on the next line, unindented.
    if (current && /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE[;:]/i.test(current.text.split(':')[0]) && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + physical;
      continue;
    }
    if (current) yield current;
    current = physical.trim() === '' ? null : { line: n, text: physical };
  }
  if (current) yield current;
}

/** Splits on `sep` outside double quotes. */
function splitUnquoted(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function decodeQuotedPrintable(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** Bytes in the named charset; UTF-8 unless told, Latin-1 when the bytes are not UTF-8. */
function decodeBytes(bytes: Buffer, charset: string | undefined): string {
  const cs = (charset ?? 'utf-8').toLowerCase();
  if (cs === 'utf-8' || cs === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return bytes.toString('latin1');
    }
  }
  try {
    return new TextDecoder(cs).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** One content line → its group, name, parameters and decoded (still escaped) value. */
export function parseProperty(text: string): VProperty | null {
  const colon = splitUnquoted(text, ':');
  if (colon.length < 2) return null;
  const [head, ...restValue] = colon;
  const rawValue = restValue.join(':');
  const [nameWithGroup, ...paramParts] = splitUnquoted(head, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot >= 0 ? nameWithGroup.slice(0, dot) : null;
  const name = nameWithGroup.slice(dot + 1).toUpperCase();
  const params: Record<string, string[]> = {};
  for (const part of paramParts) {
    const eq = part.indexOf('=');
    // vCard 2.1 writes bare parameter values: `TEL;WORK;VOICE:` means TYPE=WORK,VOICE.
    const key = eq >= 0 ? part.slice(0, eq).toUpperCase() : ['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT'].includes(part.toUpperCase()) ? 'ENCODING' : 'TYPE';
    const values = (eq >= 0 ? part.slice(eq + 1) : part).split(',').flatMap((v) => splitUnquoted(v, ',')).map((v) => v.replace(/^"|"$/g, ''));
    (params[key] ??= []).push(...values.filter((v) => v !== ''));
  }
  const encoding = params.ENCODING?.[0]?.toUpperCase();
  const charset = params.CHARSET?.[0];
  const bytes = encoding === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(rawValue) : encoding === 'B' || encoding === 'BASE64' ? Buffer.from(rawValue, 'base64') : Buffer.from(rawValue, 'latin1');
  return { group, name, params, value: decodeBytes(bytes, charset) };
}

/** Text unescaped: `\n` a line break, `\,` `\;` `\\` themselves. */
export function unescapeText(s: string): string {
  return s.replace(/\\([nN,;\\:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A structured value's components (N, ADR, ORG), split on unescaped `;`, each unescaped. */
export function components(s: string, sep = ';'): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === sep) {
      out.push(unescapeText(cur));
      cur = '';
    } else cur += s[i];
  }
  out.push(unescapeText(cur));
  return out;
}

/** The cards of a file one at a time, each with the line its BEGIN is on; a broken card is an error item. */
export async function* readVCards(pieces: AsyncIterable<Buffer>): AsyncGenerator<VCardItem> {
  let card: { line: number; props: VProperty[]; raw: string[]; size: number; broken: string | null } | null = null;
  for await (const { line, text } of logicalLines(pieces)) {
    const upper = text.toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card) yield { line: card.line, error: 'card without END:VCARD', raw: card.raw.join('\n') };
      card = { line, props: [], raw: [], size: 0, broken: null };
      continue;
    }
    if (!card) continue; // text between cards is ignored
    if (upper === 'END:VCARD') {
      const raw = decodeBytes(Buffer.from(card.raw.join('\n'), 'latin1'), 'utf-8');
      if (card.broken) yield { line: card.line, error: card.broken, raw };
      else yield { line: card.line, version: card.props.find((p) => p.name === 'VERSION')?.value ?? null, props: card.props, raw };
      card = null;
      continue;
    }
    card.size += text.length;
    if (card.size > MAX_CARD) {
      card.broken = 'card larger than 1 MB';
      continue;
    }
    card.raw.push(text.length > 500 ? `${text.slice(0, 500)}…` : text);
    const prop = parseProperty(text);
    if (!prop) card.broken ??= `line ${line}: not a vCard property ("${decodeBytes(Buffer.from(text.slice(0, 60), 'latin1'), 'utf-8')}")`;
    else card.props.push(prop);
  }
  if (card) yield { line: card.line, error: 'card without END:VCARD', raw: card.raw.join('\n') };
}
