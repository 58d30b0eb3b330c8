import { readFileSync } from 'node:fs';

/**
 * A parser for the subset of Dockerfile syntax the project's Dockerfile uses, so that a test can
 * replay it step by step without a Docker engine. Any other instruction or form is refused loudly:
 * the replay must never silently skip something `docker build` would do.
 */

export type Instruction =
  | { readonly kind: 'FROM'; readonly image: string; readonly stageName: string | undefined }
  | { readonly kind: 'WORKDIR'; readonly path: string }
  | { readonly kind: 'ENV'; readonly values: Readonly<Record<string, string>> }
  | { readonly kind: 'COPY'; readonly from: string | undefined; readonly sources: readonly string[]; readonly destination: string }
  | { readonly kind: 'RUN'; readonly command: string }
  | { readonly kind: 'USER'; readonly user: string }
  | { readonly kind: 'EXPOSE'; readonly ports: readonly string[] }
  | { readonly kind: 'HEALTHCHECK'; readonly options: Readonly<Record<string, string>>; readonly command: string }
  | { readonly kind: 'CMD'; readonly argv: readonly string[] };

export interface Stage {
  readonly image: string;
  readonly name: string | undefined;
  readonly index: number;
  readonly instructions: readonly Instruction[];
}

export class UnsupportedDockerfileError extends Error {}

export function parseDockerfile(path: string): Stage[] {
  const stages: Array<{ image: string; name: string | undefined; index: number; instructions: Instruction[] }> = [];
  for (const { line, text } of logicalLines(readFileSync(path, 'utf8'))) {
    const instruction = parseInstruction(text, line);
    if (instruction.kind === 'FROM') {
      stages.push({ image: instruction.image, name: instruction.stageName, index: stages.length, instructions: [] });
    } else if (stages.length === 0) {
      throw new UnsupportedDockerfileError(`line ${line}: ${instruction.kind} before FROM`);
    }
    stages.at(-1)!.instructions.push(instruction);
  }
  if (stages.length === 0) throw new UnsupportedDockerfileError('no FROM instruction');
  return stages;
}

/** Joins `\` continuations and drops comments (parser directives such as `# syntax=` included). */
function logicalLines(source: string): Array<{ line: number; text: string }> {
  const result: Array<{ line: number; text: string }> = [];
  let pending: { line: number; text: string } | undefined;
  source.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (trimmed === '' && pending === undefined)) return;
    const continued = trimmed.endsWith('\\');
    const part = continued ? trimmed.slice(0, -1).trimEnd() : trimmed;
    pending = pending ? { line: pending.line, text: `${pending.text} ${part}` } : { line: index + 1, text: part };
    if (!continued) {
      result.push(pending);
      pending = undefined;
    }
  });
  if (pending) throw new UnsupportedDockerfileError(`line ${pending.line}: a continuation runs past the end of the file`);
  return result;
}

function parseInstruction(text: string, line: number): Instruction {
  const match = /^(\S+)\s*(.*)$/.exec(text)!;
  const keyword = match[1]!.toUpperCase();
  const rest = match[2]!;
  const fail = (why: string): never => {
    throw new UnsupportedDockerfileError(`line ${line}: ${why}: ${text}`);
  };
  switch (keyword) {
    case 'FROM': {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest) ?? fail('unsupported FROM form');
      return { kind: 'FROM', image: from[1]!, stageName: from[2] };
    }
    case 'WORKDIR':
      if (!rest.startsWith('/')) fail('WORKDIR must be absolute');
      return { kind: 'WORKDIR', path: rest };
    case 'ENV': {
      const values: Record<string, string> = {};
      for (const pair of rest.match(/\S+="[^"]*"|\S+=\S*/g) ?? fail('ENV must use KEY=value pairs')) {
        const eq = pair.indexOf('=');
        values[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/^"(.*)"$/, '$1');
      }
      return { kind: 'ENV', values };
    }
    case 'COPY': {
      const words = rest.split(/\s+/);
      let from: string | undefined;
      while (words[0]?.startsWith('--')) {
        const flag = words.shift()!;
        if (flag.startsWith('--from=')) from = flag.slice('--from='.length);
        else fail(`unsupported COPY flag ${flag}`);
      }
      if (words.length < 2 || rest.startsWith('[')) fail('COPY needs sources and a destination (shell form)');
      return { kind: 'COPY', from, sources: words.slice(0, -1), destination: words.at(-1)! };
    }
    case 'RUN':
      if (rest.startsWith('[') || rest.startsWith('--')) fail('only the shell form of RUN without flags is supported');
      return { kind: 'RUN', command: rest };
    case 'USER':
      return { kind: 'USER', user: rest };
    case 'EXPOSE':
      return { kind: 'EXPOSE', ports: rest.split(/\s+/) };
    case 'HEALTHCHECK': {
      const health = /^((?:--\S+=\S+\s+)*)CMD\s+(.+)$/.exec(rest) ?? fail('HEALTHCHECK must be [--options] CMD <shell command>');
      const options = Object.fromEntries(
        health[1]!.trim().split(/\s+/).filter(Boolean).map((option) => option.slice(2).split('=') as [string, string]),
      );
      return { kind: 'HEALTHCHECK', options, command: health[2]! };
    }
    case 'CMD': {
      let argv: unknown;
      try {
        argv = JSON.parse(rest);
      } catch {
        fail('CMD must use the exec form (a JSON array), so that node runs as PID 1 and receives SIGTERM');
      }
      if (!Array.isArray(argv) || argv.length === 0 || !argv.every((word) => typeof word === 'string')) fail('CMD must be a JSON array of strings');
      return { kind: 'CMD', argv: argv as string[] };
    }
    default:
      return fail(`instruction ${keyword} is not supported by the replay (supported: FROM, WORKDIR, ENV, COPY, RUN, USER, EXPOSE, HEALTHCHECK, CMD)`);
  }
}

/**
 * `.dockerignore` as Docker reads it, for the forms this project uses: paths relative to the context
 * root, `*` within one path segment, `**` across segments. Exceptions (`!`) are refused.
 */
export function dockerignoreMatcher(path: string): (relativePath: string) => boolean {
  const patterns = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((pattern) => {
      if (pattern.startsWith('!')) throw new UnsupportedDockerfileError(`.dockerignore exceptions are not supported: ${pattern}`);
      const body = pattern
        .replace(/^\/+|\/+$/g, '')
        .split('/')
        .map((segment) => (segment === '**' ? '.*' : segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
        .join('/');
      return new RegExp(`^${body}$`);
    });
  return (relativePath) => {
    const segments = relativePath.split('/');
    // A path is ignored when it or any folder above it matches.
    return segments.some((_, i) => patterns.some((pattern) => pattern.test(segments.slice(0, i + 1).join('/'))));
  };
}
