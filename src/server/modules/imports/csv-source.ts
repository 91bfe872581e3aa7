import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** How a file is read; `kind: 'vcard'` for a file of vCards (encoding and delimiter then unused). */
export type CsvFormat = { encoding: 'utf8' | 'latin1'; delimiter: string; kind?: 'csv' | 'vcard' };
/** A data row by the file line it starts on (stable across re-reads, so a resume can skip what is done). */
export type CsvItem = { line: number; record: Record<string, string> } | { line: number; error: string; raw: string };

/** How much of the file the format is guessed from. */
export const SAMPLE = 256 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

/** Guesses the encoding (valid UTF-8, else Latin-1) and the delimiter (the most frequent one on the header line). */
export function detectFormat(head: Buffer, given: Partial<CsvFormat> = {}): CsvFormat {
  let encoding = given.encoding;
  if (!encoding) {
    try {
      // `stream: true` tolerates a character cut at the end of the sample.
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, SAMPLE), { stream: true });
      encoding = 'utf8';
    } catch {
      encoding = 'latin1';
    }
  }
  let delimiter = given.delimiter;
  if (!delimiter) {
    const text = head.subarray(0, SAMPLE).toString(encoding).replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    const unquoted = firstLine.replace(/"[^"]*"/g, '');
    delimiter = DELIMITERS.map((d) => [d, unquoted.split(d).length - 1] as const).sort((a, b) => b[1] - a[1])[0][1] > 0
      ? DELIMITERS.map((d) => [d, unquoted.split(d).length - 1] as const).sort((a, b) => b[1] - a[1])[0][0]
      : ',';
  }
  return { encoding, delimiter };
}

/** The file as a stream: the parser never holds more than a window of it. */
function chunks(content: Buffer | AsyncIterable<Buffer>): Readable {
  if (!Buffer.isBuffer(content)) return Readable.from(content, { objectMode: false });
  return Readable.from(
    (function* () {
      for (let i = 0; i < content.length; i += 64 * 1024) yield content.subarray(i, i + 64 * 1024);
    })(),
  );
}

/** The header row of the file (from its first piece). */
export async function readHeaders(content: Buffer, format: CsvFormat): Promise<string[]> {
  const parser = chunks(content).pipe(parse({ encoding: format.encoding, delimiter: format.delimiter, bom: true, to_line: 20, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }));
  for await (const rec of parser) {
    parser.destroy();
    return (rec as string[]).map((h) => h.trim());
  }
  return [];
}

/**
 * Streams the data rows; a row that cannot be read (broken quoting, wrong number of columns)
 * comes out as an error and the parse goes on with the next one.
 */
export async function* readRows(content: Buffer | AsyncIterable<Buffer>, format: CsvFormat): AsyncGenerator<CsvItem> {
  const skipped: CsvItem[] = [];
  let headers: string[] | null = null;
  const parser = chunks(content).pipe(
    parse({
      encoding: format.encoding,
      delimiter: format.delimiter,
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      // A stray quote inside a field is kept as text, and a short or long row is reported by
      // us: csv-parse's own recovery after such an error would swallow the good rows after it.
      relax_quotes: true,
      relax_column_count: true,
      trim: false,
      on_skip: (err: any, raw?: string) => {
        skipped.push({ line: Number(err?.lines ?? 0), error: `unreadable row: ${String(err?.message ?? err).replace(/\s+/g, ' ')}`, raw: raw ?? '' });
      },
    }),
  );
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; records: number }; raw: string }>) {
    while (skipped.length && skipped[0].line < item.info.lines) yield skipped.shift()!;
    if (!headers) {
      headers = item.record.map((h) => h.trim());
      continue;
    }
    const line = item.info.lines;
    if (item.record.length !== headers.length) {
      yield { line, error: `row has ${item.record.length} columns, the header has ${headers.length}`, raw: item.raw };
      continue;
    }
    // Quotes are relaxed so one stray quote cannot swallow the rows after it; a value that came
    // out with a quote the file did not escape as "" is reported instead of imported as is.
    if (item.record.some((v) => v.includes('"')) && !item.raw.includes('""')) {
      yield { line, error: 'broken quoting: a quote inside a field must be written as ""', raw: item.raw };
      continue;
    }
    yield { line, record: Object.fromEntries(headers.map((h, i) => [h, item.record[i]])) };
  }
  while (skipped.length) yield skipped.shift()!;
}
