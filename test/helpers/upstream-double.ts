import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny upstream for tests of what the emulator does not do: hostile answers (bombs, huge bodies)
 * and faults of one credential only. Each request goes to `handler`; a handler may forward it to a
 * real upstream (the emulator) with `forward`.
 */
export interface UpstreamDouble {
  readonly url: string;
  /** Requests received so far, by the `Api-Key` they carried. */
  requests(apiKey?: string): number;
  /** Requests received and not answered yet. */
  pending(): number;
  close(): Promise<void>;
}

export type DoubleHandler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startUpstreamDouble(handler: DoubleHandler): Promise<UpstreamDouble> {
  const counts = new Map<string, number>();
  let total = 0;
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    const key = String(req.headers['api-key'] ?? '');
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total += 1;
    open.add(res);
    res.once('close', () => open.delete(res));
    res.on('error', () => undefined);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: (apiKey) => (apiKey === undefined ? total : (counts.get(apiKey) ?? 0)),
    pending: () => [...open].filter((res) => !res.writableEnded).length,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Passes a request on to `target` (e.g. the emulator) and its answer back. */
export function forward(target: string, req: IncomingMessage, res: ServerResponse): void {
  const upstream = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}
