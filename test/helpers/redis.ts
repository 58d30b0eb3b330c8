import { createConnection } from 'node:net';
import { freePort, runProcess, type RunningProcess } from './processes.js';

/**
 * A private redis-server on a free loopback port, without persistence, for one test file. `.ci/run`
 * installs redis-server; the tests start and stop their own, so no service has to be running.
 */
export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const server: RunningProcess = runProcess('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
  ]);
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(port))) {
    if (Date.now() > deadline || server.child.exitCode !== null) {
      server.child.kill('SIGKILL');
      throw new Error(`redis-server did not start: ${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}
