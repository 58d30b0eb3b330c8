import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { CreateCustomerDocument, GetCustomerDocument } from '../generated/graphql.js';
import { postGraphQL, uniqueEmail } from '../helpers/stack.js';
import { freePort } from '../helpers/processes.js';
import { dockerignoreMatcher, parseDockerfile, type Instruction, type Stage } from './dockerfile.js';

/**
 * Replays the Dockerfile without a Docker engine: each stage gets a fresh directory standing for its
 * filesystem root, COPY and RUN run as written (RUN with the stage's ENV and WORKDIR), and the final
 * stage's CMD starts with the final ENV, as a non-root user. The Dockerfile is parsed, not restated,
 * so the test follows every change to it; an instruction the replay cannot honour fails the test.
 */

const REPO = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const DOCKERFILE = join(REPO, 'Dockerfile');
const STEP_TIMEOUT_MS = 150_000;

interface ReplayedStage {
  readonly stage: Stage;
  /** Stands for `/` in the stage's image. */
  readonly root: string;
  workdir: string;
  readonly env: Record<string, string>;
  user: string | undefined;
  cmd: readonly string[] | undefined;
  healthcheck: string | undefined;
}

/** The host's environment for steps, minus what `npm test` and jest add, which an image would not have. */
function baseEnvironment(home: string, npmCache: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(npm_|NODE_|INIT_CWD$|JEST_)/i.test(name)) continue;
    env[name] = value;
  }
  // A throwaway copy of the local npm cache: installs work offline, and `npm cache clean` in the
  // Dockerfile cleans the copy, never the developer's own cache.
  return { ...env, HOME: home, npm_config_cache: npmCache, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' };
}

function inStage(replay: ReplayedStage, path: string): string {
  return join(replay.root, isAbsolute(path) ? path : join(replay.workdir, path));
}

function copyInto(source: string, destination: string, multiple: boolean, filter: (path: string) => boolean): void {
  if (statSync(source).isDirectory()) {
    mkdirSync(destination, { recursive: true });
    cpSync(source, destination, { recursive: true, filter });
    return;
  }
  const target = multiple || destination.endsWith('/') ? join(destination, basename(source)) : destination;
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target);
}

function replay(stages: readonly Stage[], workspace: string, env: Record<string, string>): ReplayedStage[] {
  const ignored = dockerignoreMatcher(join(REPO, '.dockerignore'));
  const contextFilter = (path: string) => {
    const rel = relative(REPO, path);
    return rel === '' || !ignored(rel);
  };
  const replayed: ReplayedStage[] = [];
  for (const stage of stages) {
    const current: ReplayedStage = {
      stage,
      root: join(workspace, `stage-${stage.index}`),
      workdir: '/',
      env: {},
      user: undefined,
      cmd: undefined,
      healthcheck: undefined,
    };
    mkdirSync(current.root, { recursive: true });
    for (const instruction of stage.instructions) apply(current, instruction);
    replayed.push(current);
  }
  return replayed;

  function apply(current: ReplayedStage, instruction: Instruction): void {
    switch (instruction.kind) {
      case 'FROM':
      case 'EXPOSE':
        return;
      case 'WORKDIR':
        current.workdir = instruction.path;
        mkdirSync(inStage(current, '.'), { recursive: true });
        return;
      case 'ENV':
        Object.assign(current.env, instruction.values);
        return;
      case 'USER':
        current.user = instruction.user;
        return;
      case 'HEALTHCHECK':
        current.healthcheck = instruction.command;
        return;
      case 'CMD':
        current.cmd = instruction.argv;
        return;
      case 'COPY': {
        const multiple = instruction.sources.length > 1;
        for (const source of instruction.sources) {
          if (instruction.from === undefined) {
            const path = join(REPO, source);
            expect({ source, inContext: existsSync(path) && contextFilter(path) }).toEqual({ source, inContext: true });
            copyInto(path, inStage(current, instruction.destination), multiple, contextFilter);
          } else {
            const from = replayed.find((r) => r.stage.name === instruction.from || String(r.stage.index) === instruction.from);
            if (from === undefined) throw new Error(`COPY --from=${instruction.from}: no such earlier stage`);
            copyInto(join(from.root, source), inStage(current, instruction.destination), multiple, () => true);
          }
        }
        return;
      }
      case 'RUN': {
        const result = spawnSync('sh', ['-c', instruction.command], {
          cwd: inStage(current, '.'),
          env: { ...env, ...current.env },
          encoding: 'utf8',
          timeout: STEP_TIMEOUT_MS,
        });
        if (result.status !== 0) {
          throw new Error(`RUN ${instruction.command} failed (${result.status ?? result.signal}):\n${(result.stdout + result.stderr).slice(-4000)}`);
        }
        return;
      }
    }
  }
}

/** The replay cannot switch to the image's user; as root it runs the server as `nobody` instead. */
function unprivilegedIds(): { uid: number; gid: number } | undefined {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
}

const stages = parseDockerfile(DOCKERFILE);
const final = stages.at(-1)!;

describe('Dockerfile', () => {
  it('builds in stages from a pinned Node 20 image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image).toMatch(/^node:20\.\d+\.\d+-[a-z0-9-]+(@sha256:[0-9a-f]{64})?$/);
    // The replay runs the steps with this machine's node: it says something only on the same major.
    expect(process.version).toMatch(/^v20\./);
  });

  it('installs production dependencies only in the final stage, runs as a non-root user, checks /healthz and runs node as PID 1', () => {
    const kinds = final.instructions;
    const runs = kinds.filter((i) => i.kind === 'RUN').map((i) => (i as { command: string }).command);
    expect(runs.some((command) => /\bnpm ci\b.*--omit=dev/.test(command))).toBe(true);
    const user = kinds.filter((i) => i.kind === 'USER').at(-1) as { user: string } | undefined;
    expect(user?.user).toBeDefined();
    expect(['root', '0']).not.toContain(user!.user);
    const health = kinds.find((i) => i.kind === 'HEALTHCHECK') as { command: string } | undefined;
    expect(health?.command).toContain('/healthz');
    const cmd = kinds.find((i) => i.kind === 'CMD') as { argv: string[] } | undefined;
    expect(cmd?.argv).toEqual(['node', 'dist/main.js']);
    expect(kinds.find((i) => i.kind === 'ENV')).toEqual({ kind: 'ENV', values: expect.objectContaining({ NODE_ENV: 'production' }) });
  });

  it('keeps the build context small and free of local state (.dockerignore)', () => {
    const ignored = dockerignoreMatcher(join(REPO, '.dockerignore'));
    for (const path of ['node_modules', 'node_modules/graphql/index.js', 'dist', '.git', 'test', 'test-results', '.env']) {
      expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: true });
    }
    for (const path of ['package.json', 'package-lock.json', 'src/main.ts', 'tsconfig.build.json']) {
      expect({ path, ignored: ignored(path) }).toEqual({ path, ignored: false });
    }
  });
});

describe('Dockerfile steps, replayed in a clean directory', () => {
  let workspace: string;
  let emulator: RunningEmulator;
  let server: ChildProcess | undefined;
  let runtime: ReplayedStage;
  let output = '';

  beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'dockerfile-steps-'));
    chmodSync(workspace, 0o755);
    const npmCache = join(workspace, 'npm-cache');
    const localCache = join(spawnSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).stdout.trim(), '_cacache');
    mkdirSync(npmCache);
    if (existsSync(localCache)) {
      // Hard links cost nothing; cacache never rewrites a file in place.
      const linked = spawnSync('cp', ['-al', localCache, join(npmCache, '_cacache')]);
      if (linked.status !== 0) cpSync(localCache, join(npmCache, '_cacache'), { recursive: true });
    }
    const home = join(workspace, 'home');
    mkdirSync(home);
    runtime = replay(stages, workspace, baseEnvironment(home, npmCache)).at(-1)!;
    emulator = await startEmulator();
  }, 4 * STEP_TIMEOUT_MS);

  afterAll(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await emulator?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('leaves only the production install and the compiled output in the final stage', () => {
    const app = inStage(runtime, '.');
    expect(existsSync(join(app, 'dist/main.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@apollo/server'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/graphiql/graphiql.min.js'))).toBe(true);
    for (const devOnly of ['typescript', 'jest', 'playwright-core', '@swc/core', 'autocannon']) {
      expect({ devOnly, installed: existsSync(join(app, 'node_modules', devOnly)) }).toEqual({ devOnly, installed: false });
    }
    expect(existsSync(join(app, 'src'))).toBe(false);
    expect(existsSync(join(app, 'test'))).toBe(false);
  });

  it('starts the CMD with the final ENV, passes its HEALTHCHECK, answers GraphQL, and stops on SIGTERM', async () => {
    const port = await freePort();
    const env: Record<string, string> = {
      ...baseEnvironment('/nonexistent', '/nonexistent'),
      ...runtime.env,
      // What an operator passes with `docker run -e`: the image itself refuses to start without ALIGN_API_URL.
      ALIGN_API_URL: emulator.url,
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    expect(env.NODE_ENV).toBe('production');
    const [command, ...args] = runtime.cmd!;
    server = spawn(command!, args, { cwd: inStage(runtime, '.'), env, stdio: ['ignore', 'pipe', 'pipe'], ...unprivilegedIds() });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));

    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
      if (ready) break;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const health = spawnSync('sh', ['-c', runtime.healthcheck!], { env, encoding: 'utf8', timeout: 10_000, ...unprivilegedIds() });
    expect({ healthcheckExit: health.status, stderr: health.stderr }).toEqual({ healthcheckExit: 0, stderr: '' });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });

    const email = uniqueEmail('docker');
    const headers = { 'api-key': 'docker-replay-key-1' };
    const created = await postGraphQL<{ createCustomer: { id: string; email: string } }>(
      url,
      CreateCustomerDocument,
      { input: { individual: { email, firstName: 'Ada', lastName: 'Lovelace' } } },
      headers,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data?.createCustomer).toMatchObject({ email, type: 'INDIVIDUAL' });
    const read = await postGraphQL<{ customer: { id: string } }>(url, GetCustomerDocument, { id: created.body.data!.createCustomer.id }, headers);
    expect(read.body.data?.customer).toMatchObject({ id: created.body.data!.createCustomer.id, email });

    // Production: no demo key, and the explorer is off unless EXPLORER=true.
    const anonymous = await postGraphQL(url, '{ customers { id } }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const browser = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(browser.headers.get('content-security-policy')).toBeNull();

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain('docker-replay-key-1');
  }, 60_000);
});
