import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';

/**
 * A request body sent as a stream instead of JSON (a file upload). Each attempt opens it anew, so a
 * retry the upstream provably did not act on (a 429, a refused connection) sends the whole body again.
 */
export class StreamedBody {
  constructor(
    readonly contentType: string,
    readonly open: () => Readable,
  ) {}
}

/**
 * One file as `multipart/form-data` with a single part named `file` (docs/align-api.md §8), streamed:
 * the bytes pass through as they arrive, never held whole. An error on the file's stream (the
 * client's upload was cut, or it exceeded the size limit) ends the body with that error, so the
 * upstream never receives a complete request.
 */
export function multipartFile(file: { readonly filename: string; readonly mimeType: string; readonly open: () => Readable }): StreamedBody {
  const boundary = `align-graphql-${randomBytes(12).toString('hex')}`;
  const safeName = file.filename.replace(/["\\\r\n]/g, '_');
  const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${safeName}"\r\ncontent-type: ${file.mimeType.replace(/[\r\n]/g, '')}\r\n\r\n`;
  return new StreamedBody(`multipart/form-data; boundary=${boundary}`, () => {
    const content = file.open();
    const out = new PassThrough();
    out.write(head);
    content.on('error', (error) => out.destroy(error));
    content.on('end', () => out.end(`\r\n--${boundary}--\r\n`));
    content.pipe(out, { end: false });
    return out;
  });
}
