import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  readonly body: any;
}

export interface CallOptions {
  /** The API key; null sends none. Default 'key-a'. */
  readonly key?: string | null;
  /** How the key is sent. Default 'api-key'. */
  readonly auth?: 'api-key' | 'raw' | 'bearer';
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is (wins over json). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

/** A started emulator plus small helpers to call it over real HTTP. */
export class EmulatorClient {
  private constructor(readonly emulator: RunningEmulator) {}

  static async start(options?: EmulatorOptions): Promise<EmulatorClient> {
    return new EmulatorClient(await startEmulator(options));
  }

  get url(): string {
    return this.emulator.url;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? 'key-a' : options.key;
    if (key !== null) {
      const auth = options.auth ?? 'api-key';
      if (auth === 'api-key') headers['api-key'] = key;
      else headers.authorization = auth === 'bearer' ? `Bearer ${key}` : key;
    }
    let body: string | undefined = options.raw;
    if (body === undefined && options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(this.url + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  admin(method: string, path: string, json?: unknown): Promise<Answer> {
    return this.call(method, `/__emulator/${path}`, { key: null, json });
  }

  reset(): Promise<Answer> {
    return this.admin('POST', 'reset');
  }

  async createIndividual(email: string, key = 'key-a', headers?: Record<string, string>): Promise<Answer> {
    return this.call('POST', '/v0/customers', {
      key,
      headers,
      json: { email, type: 'individual', first_name: 'Ada', last_name: 'Lovelace' },
    });
  }

  /** Creates an individual and returns its id (asserting the 201). */
  async newCustomerId(email: string, key = 'key-a'): Promise<string> {
    const answer = await this.createIndividual(email, key);
    if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
    return answer.body.customer_id as string;
  }

  async listCustomers(key = 'key-a', email?: string): Promise<unknown[]> {
    const query = email === undefined ? '' : `?email=${encodeURIComponent(email)}`;
    const answer = await this.call('GET', `/v0/customers${query}`, { key });
    if (answer.status !== 200) throw new Error(`list failed: ${answer.status} ${answer.text}`);
    return answer.body.items as unknown[];
  }

  async addFault(fault: Record<string, unknown>): Promise<Answer> {
    const answer = await this.admin('POST', 'faults', fault);
    if (answer.status !== 201) throw new Error(`fault refused: ${answer.status} ${answer.text}`);
    return answer;
  }

  /** Sends one raw HTTP/1.1 request on a fresh socket; resolves with every byte received until it closed. */
  rawRequest(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.emulator.port, '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('close', () => resolve(received));
      socket.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNRESET') return; // 'close' follows
        reject(error);
      });
      socket.write(request);
    });
  }
}

/** A raw POST of a JSON body with `Connection: close`, for rawRequest(). */
export function rawPost(path: string, body: unknown, key = 'key-a', extraHeaders = ''): string {
  const payload = JSON.stringify(body);
  return (
    `POST ${path} HTTP/1.1\r\nHost: emulator\r\nApi-Key: ${key}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(payload)}\r\n${extraHeaders}Connection: close\r\n\r\n${payload}`
  );
}

/**
 * One emulator for a whole test file: started before its first test, reset before each test, closed
 * after the last. Returns a stand-in that forwards to the running emulator.
 */
export function useSharedEmulator(): EmulatorClient {
  let running: EmulatorClient | undefined;
  beforeAll(async () => {
    running = await EmulatorClient.start();
  });
  afterAll(() => running?.close());
  beforeEach(() => running!.reset());
  return new Proxy({} as EmulatorClient, {
    get(_target, property) {
      if (running === undefined) throw new Error('the shared emulator is used outside a test');
      const value: unknown = Reflect.get(running, property);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}
