import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { dockerignoreMatcher, parseDockerfile, UnsupportedDockerfileError } from './dockerfile.js';

const dir = mkdtempSync(join(tmpdir(), 'dockerfile-parser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function fileWith(text: string): string {
  count += 1;
  const path = join(dir, `file-${count}`);
  writeFileSync(path, text);
  return path;
}

describe('the Dockerfile parser of the replay test', () => {
  it('reads stages, continuations, ENV pairs, COPY --from, HEALTHCHECK options and exec-form CMD', () => {
    const stages = parseDockerfile(
      fileWith(`# a comment
FROM node:20.1.0-slim AS build
WORKDIR /app
ENV A=1 B="two words"
RUN echo one \\
  && echo two
FROM node:20.1.0-slim
COPY --from=build /app/dist ./dist
HEALTHCHECK --interval=10s --retries=3 \\
  CMD node -e "process.exit(0)"
CMD ["node", "dist/main.js"]
`),
    );
    expect(stages.map((s) => [s.name, s.image, s.instructions.length])).toEqual([
      ['build', 'node:20.1.0-slim', 4],
      [undefined, 'node:20.1.0-slim', 4],
    ]);
    expect(stages[0]!.instructions.slice(2)).toEqual([
      { kind: 'ENV', values: { A: '1', B: 'two words' } },
      { kind: 'RUN', command: 'echo one && echo two' },
    ]);
    expect(stages[1]!.instructions.slice(1)).toEqual([
      { kind: 'COPY', from: 'build', sources: ['/app/dist'], destination: './dist' },
      { kind: 'HEALTHCHECK', options: { interval: '10s', retries: '3' }, command: 'node -e "process.exit(0)"' },
      { kind: 'CMD', argv: ['node', 'dist/main.js'] },
    ]);
  });

  it.each([
    ['an unsupported instruction', 'FROM node:20.1.0\nARG X=1\n', /instruction ARG is not supported/],
    ['ENTRYPOINT', 'FROM node:20.1.0\nENTRYPOINT ["node"]\n', /instruction ENTRYPOINT is not supported/],
    ['a shell-form CMD', 'FROM node:20.1.0\nCMD npm start\n', /CMD must use the exec form/],
    ['a RUN with flags', 'FROM node:20.1.0\nRUN --mount=type=cache,target=/root/.npm npm ci\n', /only the shell form of RUN/],
    ['a COPY flag it cannot honour', 'FROM node:20.1.0\nCOPY --chown=node a b\n', /unsupported COPY flag --chown=node/],
    ['an instruction before FROM', 'WORKDIR /app\n', /WORKDIR before FROM/],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseDockerfile(fileWith(text))).toThrow(UnsupportedDockerfileError);
    expect(() => parseDockerfile(fileWith(text))).toThrow(message);
  });
});

describe('the .dockerignore matcher', () => {
  it('matches paths, their contents, and root-level globs', () => {
    const ignored = dockerignoreMatcher(fileWith('node_modules\n*.log\ndocs/**/*.md\n# comment\n'));
    expect(ignored('node_modules')).toBe(true);
    expect(ignored('node_modules/x/index.js')).toBe(true);
    expect(ignored('debug.log')).toBe(true);
    expect(ignored('src/debug.log')).toBe(false);
    expect(ignored('docs/a/b/readme.md')).toBe(true);
    expect(ignored('src/main.ts')).toBe(false);
  });

  it('refuses exceptions, which it does not implement', () => {
    expect(() => dockerignoreMatcher(fileWith('dist\n!dist/keep\n'))).toThrow(UnsupportedDockerfileError);
  });
});
