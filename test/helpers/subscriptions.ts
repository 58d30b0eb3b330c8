import { createHmac } from 'node:crypto';
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Real graphql-ws subscribers over real sockets, and signed webhook deliveries, as tests use them.
 */

export interface Subscription<T> {
  /** Every `next` payload so far. */
  readonly results: Array<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  /** Resolves when `count` results have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once the server has taken the subscribe message (a round trip after it). */
  readonly ready: Promise<void>;
  /** Settles when the server completes or errors the subscription. */
  readonly ended: Promise<{ error?: unknown }>;
  close(): Promise<void>;
}

export function wsUrl(serverUrl: string): string {
  return `${serverUrl.replace(/^http/, 'ws')}/graphql`;
}

/** One client, one subscription. `connectionParams` carries the credential headers. */
export function subscribe<T>(
  serverUrl: string,
  document: DocumentNode | string,
  variables: Record<string, unknown> = {},
  connectionParams: Record<string, string> = {},
): Subscription<T> {
  const client: Client = createClient({ url: wsUrl(serverUrl), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: false });
  const results: Subscription<T>['results'] = [];
  const waiters: Array<() => void> = [];
  let endedResolve!: (value: { error?: unknown }) => void;
  const ended = new Promise<{ error?: unknown }>((resolve) => (endedResolve = resolve));
  const query = typeof document === 'string' ? document : print(document);
  client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        results.push(value as Subscription<T>['results'][number]);
        for (const wake of waiters.splice(0)) wake();
      },
      error: (error) => endedResolve({ error }),
      complete: () => endedResolve({}),
    },
  );
  // graphql-ws answers a ping after every message before it: once the pong is back, the subscribe was taken.
  const ready = new Promise<void>((resolve, reject) => {
    const off = client.on('connected', (socket) => {
      off();
      setTimeout(resolve, 250);
      void socket;
    });
    client.on('closed', (event) => reject(new Error(`closed before connecting: ${(event as { code?: number }).code}`)));
  });
  // Closing later is normal; only a test that awaits `ready` cares how it settled.
  ready.catch(() => undefined);
  return {
    results,
    ready,
    ended,
    waitFor(count, timeoutMs = 2_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${results.length} of ${count} results after ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (results.length >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => client.dispose() as Promise<void>,
  };
}

/** A raw WebSocket speaking graphql-transport-ws, for what the client library hides (close codes). */
export function rawSocket(serverUrl: string, headers: Record<string, string> = {}): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(wsUrl(serverUrl), 'graphql-transport-ws', { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

/** Hex HMAC-SHA256 of the body under `key`, as Align signs webhooks. */
export function sign(key: string, body: string): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

export function webhookBody(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    event_type: 'customer.kycs.updated',
    entity_type: 'customer',
    entity_id: '6a1f2b9c-0d3e-4f5a-8b7c-9d0e1f2a3b4c',
    created_at: new Date().toISOString(),
    ...overrides,
  });
}

/** POSTs a webhook to a server's receiver; `signature` undefined sends none. */
export async function deliver(serverUrl: string, body: string, signature: string | undefined): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-hmac-signature'] = signature;
  const response = await fetch(`${serverUrl}/webhooks/align`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
