import { describe, expect, it } from '@jest/globals';
import { useSharedStack } from '../../../helpers/stack.js';
import { cutUpload, postUpload } from '../../../helpers/upload.js';

/** uploadFile over real multipart requests: the CSRF header, the size limit, a cut upload. */

const LIMIT = 64 * 1024;
const KEY = 'upload-key-2b9d';
const stack = useSharedStack({ env: { UPLOAD_MAX_BYTES: String(LIMIT) } });
const headers = { 'apollo-require-preflight': 'true', 'api-key': KEY };
const bytes = (size: number) => new Uint8Array(size).fill(42);

describe('uploadFile', () => {
  it('stores a file of exactly the limit, streamed upstream whole', async () => {
    const { status, body } = await postUpload(stack.server.url, { bytes: bytes(LIMIT), filename: 'scan.jpg', type: 'image/jpeg' }, headers);
    expect(status).toBe(200);
    expect(body.data!.uploadFile).toEqual({ id: expect.any(String), name: 'scan.jpg', mimeType: 'image/jpeg' });
    expect(await stack.admin.requestCount('POST /v0/files')).toBe(1);
  });

  it('refuses a multipart request without the preflight header before parsing it: 0 upstream calls', async () => {
    const { status, body } = await postUpload(stack.server.url, { bytes: bytes(10), filename: 'a.pdf', type: 'application/pdf' }, { 'api-key': KEY });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toEqual({ message: expect.stringMatching(/Apollo-Require-Preflight/), extensions: { code: 'BAD_REQUEST' } });
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('answers 413 for a file far over the limit from its declared length: 0 upstream calls', async () => {
    const { status, body } = await postUpload(stack.server.url, { bytes: bytes(LIMIT * 4), filename: 'big.pdf', type: 'application/pdf' }, headers);
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('answers 413 for a file one byte over the limit, found while reading it: 0 upstream calls', async () => {
    const { status, body } = await postUpload(stack.server.url, { bytes: bytes(LIMIT + 1), filename: 'big.pdf', type: 'application/pdf' }, headers);
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(await stack.admin.totalRequests()).toBe(0);
  });

  it('sends nothing upstream when the client cuts the upload mid-file, and keeps serving', async () => {
    await cutUpload(stack.server.url, LIMIT, LIMIT / 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stack.admin.totalRequests()).toBe(0);
    const after = await postUpload(stack.server.url, { bytes: bytes(5), filename: 'ok.pdf', type: 'application/pdf' }, headers);
    expect(after.body.errors).toBeUndefined();
  });
});
