import { ApiError } from '../../lib/api';

/**
 * Sends a file as the raw request body with XMLHttpRequest, which (unlike fetch) reports how
 * much of the body has gone out: a large file shows its upload progress.
 */
export function uploadFile<T>(opts: { url: string; file: Blob; csrf: string | null; onProgress?: (sent: number, total: number) => void; signal?: AbortSignal }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', opts.url);
    xhr.setRequestHeader('accept', 'application/json');
    // The server reads the bytes itself (it detects the encoding): no form wrapping needed.
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (opts.csrf) xhr.setRequestHeader('x-csrf-token', opts.csrf);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.lengthComputable ? e.total : opts.file.size);
    xhr.onload = () => {
      let body: any;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body && typeof body === 'object' ? body : { detail: `The server answered ${xhr.status}` }));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', detail: 'The upload did not reach the server; check your connection and try again' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(opts.file);
  });
}
