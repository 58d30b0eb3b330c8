import type { ClientRequest, IncomingMessage } from 'node:http';
import type { CancelableRequest, Response } from 'got';
import { AlignBadResponseError } from './errors.js';

/**
 * Reads an upstream answer without letting the upstream decide how much memory it takes.
 *
 * - The transport asks for `accept-encoding: identity` and never decompresses (got's `decompress`
 *   is off), so a compressed answer is refused instead of inflated: 400 KB of gzip can hold
 *   gigabytes, and inflating it would block the event loop and exhaust memory.
 * - At most `maxBytes` are read (as received on the wire). A `content-length` above the cap is
 *   refused before the first byte of the body; otherwise the count is checked on every chunk, and
 *   the connection is dropped as soon as it passes the cap, so at most one network chunk beyond it
 *   is ever held.
 *
 * Both refusals are AlignBadResponseError (UPSTREAM_BAD_RESPONSE): the upstream answered, so it
 * is not a lost connection, is not retried (the same request would get the same answer) and does
 * not count as a circuit-breaker failure.
 */
export async function readBounded(request: CancelableRequest<Response<string>>, maxBytes: number): Promise<Response<string>> {
  let status: number | undefined;
  let refusal: AlignBadResponseError | undefined;
  request.on('request', (clientRequest: ClientRequest) => {
    clientRequest.once('response', (message: IncomingMessage) => (status = message.statusCode));
  });
  request.on('downloadProgress', ({ transferred, total }: { transferred: number; total?: number }) => {
    if (refusal !== undefined || Math.max(transferred, total ?? 0) <= maxBytes) return;
    refusal = new AlignBadResponseError(`The Align API answered with more than ${maxBytes} bytes (ALIGN_MAX_RESPONSE_BYTES).`, {
      upstreamStatus: status,
    });
    request.cancel();
  });
  let response: Response<string>;
  try {
    response = await request;
  } catch (error) {
    throw refusal ?? error;
  }
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    throw new AlignBadResponseError('The Align API answered with a compressed body, which was not asked for.', {
      upstreamStatus: response.statusCode,
    });
  }
  return response;
}
