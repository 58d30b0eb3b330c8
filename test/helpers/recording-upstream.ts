import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { EMULATOR_DEMO_KEY, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { EmulatorAdmin, postGraphQL, type GraphQLResponse } from './stack.js';

/** What reached the upstream: method, path and headers of every request, in order. */
export interface UpstreamRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * A pass-through HTTP proxy in front of the emulator that remembers what each request carried, so a
 * test sees the headers the server sends upstream (the emulator keeps none).
 */
export class RecordingUpstream {
  readonly requests: UpstreamRequest[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(target: string): Promise<RecordingUpstream> {
    const targetUrl = new URL(target);
    let recording: RecordingUpstream | undefined;
    const server = createServer((req, res) => {
      if (!req.url?.startsWith('/__emulator')) {
        recording!.requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
      }
      const forward = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      // A fault that drops the connection upstream drops it here too.
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    recording = new RecordingUpstream(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return recording;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The emulator, a recording proxy in front of it, and the GraphQL server using the proxy as its upstream. */
export interface RecordedStack {
  readonly emulator: RunningEmulator;
  readonly upstream: RecordingUpstream;
  readonly server: RunningServer;
  readonly admin: EmulatorAdmin;
  logs(): string;
  graphql<TData>(query: string, variables?: unknown, headers?: Record<string, string>): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

export async function startRecordedStack(env: Record<string, string> = {}): Promise<RecordedStack> {
  const emulator = await startEmulator();
  const upstream = await RecordingUpstream.start(emulator.url);
  const lines: string[] = [];
  const logger = createLogger('info', { write: (chunk: string) => void lines.push(chunk) });
  const server = await startServer({
    config: loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }),
    alignApiUrl: new URL(upstream.url),
    demoKey: EMULATOR_DEMO_KEY,
    logger,
  });
  return {
    emulator,
    upstream,
    server,
    admin: new EmulatorAdmin(emulator.url),
    logs: () => lines.join(''),
    graphql: (query, variables, headers) => postGraphQL(server.url, query, variables, headers),
    async close() {
      await server.close();
      await upstream.close();
      await emulator.close();
    },
  };
}
