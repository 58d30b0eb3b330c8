import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/**
 * The layers point one way: HTTP -> GraphQL -> write path and loaders -> Align client -> transport.
 * Read from the sources as text, type-only imports included: a type import still couples two modules.
 */

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|(?:^|\n)\s*import\s+'(\.{1,2}\/[^']+)'/g;

/** src-relative file -> the src-relative files it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((match) =>
      relative(SRC, resolve(dirname(file), (match[1] ?? match[2]!).replace(/\.js$/, '.ts'))),
    );
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the source layout', () => {
  const graph = importGraph();

  it('reads every source file and resolves every relative import', () => {
    expect(graph.size).toBeGreaterThan(50);
    for (const [file, targets] of graph) {
      for (const target of targets) expect([file, graph.has(target)]).toEqual([file, true]);
    }
  });

  it('has no import cycle', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('finds a cycle when there is one (the check itself)', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
  });

  it.each(['align/', 'idempotency/', 'http/', 'emulator/', 'events/', 'webhooks/', 'telemetry/', 'auth/'])('nothing in %s imports from graphql/', (layer) => {
    const upward = [...graph].flatMap(([file, targets]) =>
      file.startsWith(layer) ? targets.filter((target) => target.startsWith('graphql/')).map((target) => `${file} -> ${target}`) : [],
    );
    expect(upward).toEqual([]);
  });

  it('keeps the emulator self-contained: it imports nothing outside emulator/', () => {
    const outside = [...graph].flatMap(([file, targets]) =>
      file.startsWith('emulator/') ? targets.filter((target) => !target.startsWith('emulator/')).map((target) => `${file} -> ${target}`) : [],
    );
    expect(outside).toEqual([]);
  });

  it('cites no document outside the repository in comments', () => {
    const cites = sourceFiles(SRC).filter((file) => /(REFERENCE|CONTRACT(-API)?)(\.md)? ?§/.test(readFileSync(file, 'utf8')));
    expect(cites.map((file) => relative(SRC, file))).toEqual([]);
  });
});
