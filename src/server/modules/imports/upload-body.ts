import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, invalid } from '../../platform/errors';

export const MAX_UPLOAD = 200 * 1024 * 1024;

/** An uploaded file spooled to a temporary file; `discard` removes it. */
export type SpooledUpload = { path: string; size: number; fileName: string | null; fields: Record<string, string>; discard(): Promise<void> };

const tooLarge = () => new AppError('payload_too_large', `file: is larger than ${MAX_UPLOAD / 1024 / 1024} MB`, { field: 'file' });

/**
 * Writes the request body to a temporary file as it arrives, a piece at a time, so a file of
 * any size costs the server a few pieces of memory. A `multipart/form-data` body is taken apart
 * on the way: its file part (the first with a filename, or the one named `file`) goes to disk,
 * its other fields are kept as text.
 */
export async function spoolUpload(body: Readable, contentType: string): Promise<SpooledUpload> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rapport-upload-'));
  const file = path.join(dir, 'upload');
  const handle = await fs.promises.open(file, 'w');
  const discard = () => fs.promises.rm(dir, { recursive: true, force: true });
  let size = 0;
  const write = async (piece: Buffer) => {
    if (piece.length === 0) return;
    size += piece.length;
    if (size > MAX_UPLOAD) throw tooLarge();
    await handle.write(piece);
  };
  try {
    if (!contentType.startsWith('multipart/')) {
      for await (const piece of body) await write(piece as Buffer);
      return { path: file, size, fileName: null, fields: {}, discard };
    }
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) throw invalid('file', 'multipart body without a boundary');
    const parts = new MultipartReader(boundary);
    let hasFile = false;
    for await (const piece of body) {
      for (const event of parts.push(piece as Buffer)) {
        if (event.kind === 'data' && event.isFile) {
          hasFile = true;
          await write(event.data);
        }
      }
    }
    if (!hasFile && !parts.sawFile) throw invalid('file', 'the form has no file part');
    return { path: file, size, fileName: parts.fileName, fields: parts.fields, discard };
  } catch (err) {
    await handle.close().catch(() => {});
    await discard();
    throw err;
  } finally {
    await handle.close().catch(() => {});
  }
}

type PartEvent = { kind: 'data'; isFile: boolean; data: Buffer };

/**
 * A streaming multipart/form-data reader (RFC 7578): feed it pieces of the body, it hands back
 * the bytes of each part as they become certain, holding back only what could be the start
 * of the next boundary.
 */
export class MultipartReader {
  private buffer: Buffer;
  private readonly delimiter: Buffer;
  private state: 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'end' = 'preamble';
  private inFile = false;
  private fieldName = '';
  private fieldValue: Buffer[] = [];
  fileName: string | null = null;
  sawFile = false;
  fields: Record<string, string> = {};

  constructor(boundary: string) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
    // The first boundary has no line break before it: pretend it has.
    this.buffer = Buffer.from('\r\n');
  }

  *push(piece: Buffer): Generator<PartEvent> {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, piece]) : piece;
    for (;;) {
      if (this.state === 'end') {
        this.buffer = Buffer.alloc(0);
        return;
      }
      if (this.state === 'preamble') {
        const at = this.buffer.indexOf(this.delimiter);
        if (at < 0) {
          this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - this.delimiter.length));
          return;
        }
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.state = 'after-delimiter';
      } else if (this.state === 'after-delimiter') {
        if (this.buffer.length < 2) return;
        const two = this.buffer.subarray(0, 2).toString('latin1');
        this.state = two === '--' ? 'end' : 'headers';
        if (this.state === 'headers') this.buffer = this.buffer.subarray(two === '\r\n' ? 2 : 0);
      } else if (this.state === 'headers') {
        const at = this.buffer.indexOf('\r\n\r\n');
        if (at < 0) {
          if (this.buffer.length > 16 * 1024) throw invalid('file', 'a form part has headers longer than 16 KB');
          return;
        }
        const head = this.buffer.subarray(0, at).toString('utf8');
        this.buffer = this.buffer.subarray(at + 4);
        const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
        const fileName = /filename="([^"]*)"/i.exec(head)?.[1] ?? null;
        this.inFile = !this.sawFile && (fileName !== null || name === 'file');
        if (this.inFile) {
          this.sawFile = true;
          this.fileName = fileName;
        }
        this.fieldName = name;
        this.fieldValue = [];
        this.state = 'body';
      } else {
        const at = this.buffer.indexOf(this.delimiter);
        const certain = at >= 0 ? at : Math.max(0, this.buffer.length - this.delimiter.length + 1);
        const data = this.buffer.subarray(0, certain);
        if (data.length) {
          if (this.inFile) yield { kind: 'data', isFile: true, data: Buffer.from(data) };
          else if (this.fieldValue.reduce((n, b) => n + b.length, 0) < 64 * 1024) this.fieldValue.push(Buffer.from(data));
        }
        if (at < 0) {
          this.buffer = Buffer.from(this.buffer.subarray(certain));
          return;
        }
        if (!this.inFile) this.fields[this.fieldName] = Buffer.concat(this.fieldValue).toString('utf8');
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.state = 'after-delimiter';
      }
    }
  }
}
