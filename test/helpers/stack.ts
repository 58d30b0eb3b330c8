import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { EMULATOR_DEMO_KEY, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { GraphQLModule } from '../../src/graphql/modules/module.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

/**
 * A real stack for tests: the emulator on a loopback port as the upstream, the GraphQL server on
 * another, and every log line the server writes kept in memory for inspection.
 */
export interface TestStack {
  readonly emulator: RunningEmulator;
  readonly server: RunningServer;
  /** All log output so far, as written (JSON lines). */
  logs(): string;
  graphql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables> | DocumentNode | string,
    variables?: TVariables,
    options?: { headers?: Record<string, string> },
  ): Promise<GraphQLResponse<TData>>;
  readonly admin: EmulatorAdmin;
  close(): Promise<void>;
}

export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly body: {
    data?: TData | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }>;
  };
}

export interface StackOptions {
  /** Extra environment for the server's configuration (PORT and HOST are set by the stack). */
  readonly env?: Record<string, string>;
  /** Give callers without a key the emulator's demo key, as `npm start` does. Default true. */
  readonly demoKey?: boolean;
  /** The schema's groups (default: all of them). */
  readonly modules?: readonly GraphQLModule[];
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const emulator = await startEmulator();
  const lines: string[] = [];
  const logger = createLogger('trace', { write: (chunk: string) => void lines.push(chunk) });
  const config = loadConfig({ ...options.env, PORT: '0', HOST: '127.0.0.1' });
  const server = await startServer({
    config,
    alignApiUrl: new URL(emulator.url),
    demoKey: options.demoKey === false ? undefined : EMULATOR_DEMO_KEY,
    logger,
    modules: options.modules,
  });
  return {
    emulator,
    server,
    logs: () => lines.join(''),
    graphql: (document, variables, requestOptions = {}) =>
      postGraphQL(server.url, document, variables, requestOptions.headers),
    admin: new EmulatorAdmin(emulator.url),
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}

/**
 * One stack for a whole test file: started before its first test, emulator reset before each test,
 * closed after the last. Returns a stand-in that forwards to the running stack.
 */
export function useSharedStack(options: StackOptions = {}): TestStack {
  let running: TestStack | undefined;
  beforeAll(async () => {
    running = await startStack(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(async () => {
    await running!.admin.reset();
  });
  return new Proxy({} as TestStack, {
    get(_target, property) {
      if (running === undefined) throw new Error('the shared test stack is used outside a test');
      const value: unknown = Reflect.get(running, property);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}

/** A stack with its own settings for the length of `run`, closed however `run` ends. */
export async function withStack<T>(options: StackOptions, run: (stack: TestStack) => Promise<T>): Promise<T> {
  const stack = await startStack(options);
  try {
    return await run(stack);
  } finally {
    await stack.close();
  }
}

export async function postGraphQL<TData>(
  serverUrl: string,
  document: DocumentNode | string,
  variables?: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const query = typeof document === 'string' ? document : print(document);
  const response = await fetch(`${serverUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<TData>['body'] };
}

export interface FaultSpec {
  route?: string;
  kind: 'status' | 'delay' | 'reset-before' | 'reset-after-commit' | 'malformed';
  status?: number;
  delayMs?: number;
  retryAfterSeconds?: number;
  times?: number;
}

/** The emulator's admin API (CONTRACT §5), as tests use it. */
export class EmulatorAdmin {
  constructor(private readonly baseUrl: string) {}

  async stats(): Promise<Record<string, number>> {
    const response = await fetch(`${this.baseUrl}/__emulator/stats`);
    return ((await response.json()) as { requests: Record<string, number> }).requests;
  }

  async requestCount(route: string): Promise<number> {
    return (await this.stats())[route] ?? 0;
  }

  async totalRequests(): Promise<number> {
    return Object.values(await this.stats()).reduce((sum, count) => sum + count, 0);
  }

  async reset(): Promise<void> {
    await this.expectOk(fetch(`${this.baseUrl}/__emulator/reset`, { method: 'POST' }));
  }

  async addFault(fault: FaultSpec): Promise<void> {
    await this.expectOk(
      fetch(`${this.baseUrl}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      }),
    );
  }

  async clearFaults(): Promise<void> {
    await this.expectOk(fetch(`${this.baseUrl}/__emulator/faults`, { method: 'DELETE' }));
  }

  /** Customers the upstream holds for a key, read straight from the emulator's REST API. */
  async customersOf(apiKey: string, email?: string): Promise<Array<Record<string, unknown>>> {
    const query = email === undefined ? '' : `?email=${encodeURIComponent(email)}`;
    const response = await fetch(`${this.baseUrl}/v0/customers${query}`, { headers: { 'api-key': apiKey } });
    if (!response.ok) throw new Error(`listing customers failed: HTTP ${response.status}`);
    return ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
  }

  /** Stores a customer with raw upstream fields, as an upstream might send them. */
  async seedCustomer(apiKey: string, customer: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.baseUrl}/__emulator/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: apiKey, customer }),
    });
    if (response.status !== 201) throw new Error(`seeding failed: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Stores a raw upstream-shaped record of any collection (`POST /__emulator/seed`); answers its id. */
  async seed(apiKey: string, collection: string, record: Record<string, unknown>, customerId?: string): Promise<string> {
    const answer = await this.post('seed', { api_key: apiKey, collection, record, customer_id: customerId });
    if (answer.status !== 201) throw new Error(`seeding failed: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return (answer.body as { id: string }).id;
  }

  /** Adjusts the emulator's settings (`POST /__emulator/settings`); answers all of them. */
  async settings(settings: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.post('settings', settings);
    if (answer.status !== 200) throw new Error(`settings failed: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown>;
  }

  /** The events the emulator emitted for a tenant, oldest first. */
  async events(apiKey: string): Promise<Array<Record<string, unknown>>> {
    const response = await fetch(`${this.baseUrl}/__emulator/events?api_key=${encodeURIComponent(apiKey)}`);
    return ((await response.json()) as { events: Array<Record<string, unknown>> }).events;
  }

  /** Any admin POST, answered as status and parsed body. */
  async post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}/__emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  /** Approves a customer's KYC through the sandbox simulate route, as the upstream offers it. */
  async approveKyc(apiKey: string, customerId: string): Promise<void> {
    await this.expectOk(
      fetch(`${this.baseUrl}/v0/customers/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'api-key': apiKey },
        body: JSON.stringify({ action: 'kyc.status.approve', customer_id: customerId }),
      }),
    );
  }

  private async expectOk(pending: Promise<Response>): Promise<void> {
    const response = await pending;
    if (!response.ok) throw new Error(`emulator admin call failed: HTTP ${response.status} ${await response.text()}`);
  }
}

let counter = 0;
/** A unique email per call, so tests sharing an emulator never collide by accident. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.com`;
}
