import { describe, expect, it } from 'vitest';
import { MultipartReader } from './upload-body';

/** Feeds a body in pieces of `size` bytes and collects the file's bytes. */
function read(body: Buffer, boundary: string, size: number) {
  const reader = new MultipartReader(boundary);
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) for (const e of reader.push(body.subarray(i, i + size))) out.push(e.data);
  return { file: Buffer.concat(out), reader };
}

describe('streaming multipart reader', () => {
  const boundary = 'XyZ';
  // The file holds things that look like a boundary but are not one.
  const file = Buffer.from('a,b\r\n--XyY\r\n\r\n--Xy,"\r\n-"\r\nlast', 'utf8');
  const body = Buffer.concat([
    Buffer.from(`preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n{"a":"b"}\r\n--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="f.csv"\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\nepilogue`),
  ]);

  it.each([1, 2, 3, 7, 64, 100_000])('gives back the file exactly when fed %i bytes at a time', (size) => {
    const { file: got, reader } = read(body, boundary, size);
    expect(got.toString('utf8')).toBe(file.toString('utf8'));
    expect(reader.fileName).toBe('f.csv');
    expect(reader.fields).toEqual({ mapping: '{"a":"b"}' });
  });
});
