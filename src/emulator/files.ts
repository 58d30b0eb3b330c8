import { randomUUID } from 'node:crypto';
import type { RequestContext, UpstreamHandler } from './context.js';
import { json, validationError, type HandlerResult } from './http.js';
import type { RouteDefinition } from './router.js';

/** `POST /v0/files` (docs/align-api.md §8): one multipart part named `file`; answers `{id, name, type}`. */

/** The upstream's stated limit is 10 MB (unverified); the emulator takes a little more for the multipart framing. */
const FILE_BODY_LIMIT = 12 * 1024 * 1024;

interface FilePart {
  readonly name: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
}

/** Reads the parts of a complete multipart body (an emulator can afford to hold 12 MiB). */
export function multipartParts(body: Buffer, contentType: string | undefined): FilePart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!/^multipart\/form-data/i.test(contentType ?? '') || boundary === null) throw validationError('The body must be multipart/form-data with a boundary.');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]!.trim()}`);
  const parts: FilePart[] = [];
  let start = body.indexOf(delimiter);
  if (start === -1) throw validationError('The multipart body has no parts.');
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headerEnd = body.indexOf('\r\n\r\n', afterDelimiter);
    const next = body.indexOf(delimiter, afterDelimiter);
    if (headerEnd === -1 || next === -1) throw validationError('The multipart body ends before its closing boundary.');
    const headers = body.subarray(afterDelimiter + 2, headerEnd).toString('latin1');
    const disposition = /content-disposition:[^\r\n]*?name="([^"]*)"(?:;\s*filename="([^"]*)")?/i.exec(headers);
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers);
    parts.push({
      name: disposition?.[1] ?? '',
      filename: disposition?.[2] ?? '',
      contentType: type?.[1]?.trim() ?? 'application/octet-stream',
      size: next - 2 - (headerEnd + 4),
    });
    start = next;
  }
}

function uploadFile({ tenant, rawBody, contentType }: RequestContext): HandlerResult {
  const file = multipartParts(rawBody ?? Buffer.alloc(0), contentType).find((part) => part.name === 'file' && part.filename !== '');
  if (file === undefined) throw validationError('A part named "file" with a filename is required.');
  if (file.size <= 0) throw validationError('The file is empty.');
  const id = randomUUID();
  const record = { id, name: file.filename, type: file.contentType };
  tenant.add('files', id, null, { ...record, size: file.size });
  return json(201, record);
}

export const fileRoutes: ReadonlyArray<RouteDefinition<UpstreamHandler>> = [
  { method: 'POST', template: '/v0/files', handler: uploadFile, bodyLimit: FILE_BODY_LIMIT },
];
