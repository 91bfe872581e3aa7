import fs from 'node:fs';

/** An import's file: bytes at hand (tests, small callers) or a file on disk (uploads, the CLI). */
export type ImportContent = Buffer | { path: string };

/** The piece size files are stored and read in: big enough for few rows, small enough for memory. */
export const PIECE = 1024 * 1024;

/** The first `bytes` of the file (for detecting its format and reading its header). */
export async function headOf(content: ImportContent, bytes: number): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content.subarray(0, bytes);
  const handle = await fs.promises.open(content.path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The file a piece at a time. */
export async function* piecesOf(content: ImportContent, size = PIECE): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(content)) {
    for (let i = 0; i < content.length; i += size) yield content.subarray(i, i + size);
    return;
  }
  for await (const piece of fs.createReadStream(content.path, { highWaterMark: size })) yield piece as Buffer;
}
