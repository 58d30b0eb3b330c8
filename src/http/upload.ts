import type { IncomingMessage, ServerResponse } from 'node:http';
import processRequest from 'graphql-upload/processRequest.mjs';

/** GraphQL multipart requests (uploadFile): checked before a byte of the body is parsed. */

export function isMultipart(contentType: string | undefined): boolean {
  return contentType !== undefined && /^multipart\/form-data\b/i.test(contentType);
}

/**
 * A cross-site form can post multipart without a CORS preflight, so a multipart request must carry
 * a header only a script can set (Apollo's CSRF rule for non-JSON bodies).
 */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

/** Room for the `operations` and `map` fields and the part headers, beside the file itself. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

export type UploadRead =
  | { readonly ok: true; readonly operations: unknown }
  | { readonly ok: false; readonly status: number; readonly message: string };

export async function readUpload(
  req: IncomingMessage,
  res: ServerResponse,
  limits: { readonly uploadMaxBytes: number; readonly maxBodyBytes: number },
): Promise<UploadRead> {
  if (!PREFLIGHT_HEADERS.some((name) => typeof req.headers[name] === 'string' && req.headers[name] !== '')) {
    res.setHeader('connection', 'close');
    return { ok: false, status: 400, message: 'A multipart request needs the header "Apollo-Require-Preflight: true" (CSRF protection).' };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.uploadMaxBytes + limits.maxBodyBytes + MULTIPART_OVERHEAD_BYTES) {
    res.setHeader('connection', 'close');
    return { ok: false, status: 413, message: `The file is larger than ${limits.uploadMaxBytes} bytes (UPLOAD_MAX_BYTES).` };
  }
  try {
    // One file; the operations field has the JSON body's limit. busboy reports the limit when a file
    // reaches it, so a file of exactly UPLOAD_MAX_BYTES needs one byte of room.
    const operations = await processRequest(req, res, { maxFileSize: limits.uploadMaxBytes + 1, maxFiles: 1, maxFieldSize: limits.maxBodyBytes });
    return { ok: true, operations };
  } catch (error) {
    const { status, expose, message } = error as { status?: number; expose?: boolean; message?: string };
    res.setHeader('connection', 'close');
    return { ok: false, status: status ?? 400, message: expose && message ? message : 'The multipart request is malformed.' };
  }
}
