import { request } from 'node:http';
import type { GraphQLResponse } from './stack.js';

const UPLOAD_FILE = 'mutation UploadFile($file: Upload!) { uploadFile(file: $file) { id name mimeType } }';

/** A GraphQL multipart request (the spec's `operations`, `map`, and one file), as browsers send it. */
export async function postUpload(
  serverUrl: string,
  file: { readonly bytes: Uint8Array; readonly filename: string; readonly type: string },
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
): Promise<GraphQLResponse<{ uploadFile: { id: string; name: string | null; mimeType: string | null } }>> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: UPLOAD_FILE, variables: { file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([file.bytes], { type: file.type }), file.filename);
  const response = await fetch(`${serverUrl}/graphql`, { method: 'POST', body: form, headers });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<never>['body'] };
}

/**
 * Starts a multipart upload announcing `declaredBytes` of file, sends only `sentBytes` of it, then
 * cuts the connection: a client that went away mid-upload. Resolves once the socket is closed.
 */
export function cutUpload(serverUrl: string, declaredBytes: number, sentBytes: number): Promise<void> {
  const boundary = 'cut-upload-boundary';
  const head =
    `--${boundary}\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: UPLOAD_FILE, variables: { file: null } })}\r\n` +
    `--${boundary}\r\ncontent-disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n` +
    `--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="cut.pdf"\r\ncontent-type: application/pdf\r\n\r\n`;
  const url = new URL('/graphql', serverUrl);
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(Buffer.byteLength(head) + declaredBytes + boundary.length + 8),
        'apollo-require-preflight': 'true',
      },
    });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(head);
    req.write(Buffer.alloc(sentBytes, 7), () => setTimeout(() => req.destroy(), 200));
  });
}
