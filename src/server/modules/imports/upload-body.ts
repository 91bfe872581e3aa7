import { invalid } from '../../platform/errors';

/** The file of a `multipart/form-data` body (its first part with a filename, or named `file`). */
export function fileFromMultipart(body: Buffer, contentType: string): { content: Buffer; fileName: string | null; fields: Record<string, string> } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw invalid('file', 'multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  let file: { content: Buffer; fileName: string | null } | null = null;
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const head = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const fileName = /filename="([^"]*)"/i.exec(head)?.[1] ?? null;
      if (!file && (fileName !== null || name === 'file')) file = { content, fileName };
      else fields[name] = content.toString('utf8');
    }
    start = next;
  }
  if (!file) throw invalid('file', 'the form has no file part');
  return { ...file, fields };
}
