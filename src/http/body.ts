import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/** Reads a request body up to `limit` bytes; beyond that it stops reading and rejects. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return collectBody(req, limit, (chunks, size) => (chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8')));
}

/** The body's bytes as sent (what a signature covers), with the same limit. */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return collectBody(req, limit, (chunks, size) => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
}

function collectBody<T>(req: IncomingMessage, limit: number, finish: (chunks: Buffer[], size: number) => T): Promise<T> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  // Plain listeners rather than `for await`: the async iterator costs a few promises per chunk,
  // measurable on a hot path that usually sees one small chunk.
  return new Promise<T>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(finish(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      // The connection went away before the body ended.
      cleanup();
      reject(new Error('the request was aborted before its body ended'));
    };
    function cleanup(): void {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
