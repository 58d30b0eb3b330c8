/** Aggregates a V8 `.cpuprofile` (as written by `node --cpu-prof`) by self time. */

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

/** Part of a profile: the samples between these offsets (microseconds before the profile's end). */
export interface Window {
  readonly fromEndMicros: number;
  readonly toEndMicros: number;
}

/**
 * Self time per function (`name file:line`) and per area (a package in node_modules, node internals,
 * our code), from the samples inside `window` (all when omitted): start-up work such as building the
 * schema is not per-request cost and is left out by passing the load's window.
 */
export function summarise(profile: CpuProfile, top = 25, window?: Window): { functions: SelfTime[]; areas: SelfTime[]; totalMs: number } {
  const selfMicros = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const from = window === undefined ? -Infinity : profile.endTime - window.fromEndMicros;
  const to = window === undefined ? Infinity : profile.endTime - window.toEndMicros;
  let time = profile.startTime;
  for (let i = 0; i < samples.length; i += 1) {
    // Each delta is the time before sample i; attribute it to the node sampled.
    time += deltas[i] ?? 0;
    if (time < from || time > to) continue;
    selfMicros.set(samples[i]!, (selfMicros.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  }
  const totalMicros = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id) ?? 0;
    if (micros === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const area = areaOf(functionName, url);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
  }
  const rank = (map: Map<string, number>): SelfTime[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, selfMs: micros / 1000, share: micros / totalMicros }));
  return { functions: rank(byFunction), areas: rank(byArea), totalMs: totalMicros / 1000 };
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) return url.slice(modules + '/node_modules/'.length);
  const dist = url.indexOf('/dist/');
  return dist === -1 ? url : url.slice(dist + 1);
}

function areaOf(functionName: string, url: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const dist = url.indexOf('/dist/');
  return dist === -1 ? url : `ours: ${url.slice(dist + '/dist/'.length).split('/').slice(0, -1).join('/') || '.'}`;
}

/** Markdown tables; with `requests`, self time is also shown per request. */
export function formatSummary(title: string, summary: ReturnType<typeof summarise>, requests?: number): string {
  const perRequest = (row: SelfTime) => (requests === undefined ? '' : ` ${((row.selfMs * 1000) / requests).toFixed(1)} |`);
  const table = (rows: SelfTime[]) => rows.map((row) => `| ${row.name} | ${row.selfMs.toFixed(0)} |${perRequest(row)} ${(row.share * 100).toFixed(1)}% |`);
  const header = (what: string) =>
    requests === undefined ? [`| ${what} | self ms | share |`, '|---|---:|---:|'] : [`| ${what} | self ms | µs / request | share |`, '|---|---:|---:|---:|'];
  return [
    `### ${title} (${(summary.totalMs / 1000).toFixed(1)} s sampled)`,
    '',
    ...header('area'),
    ...table(summary.areas),
    '',
    ...header('function'),
    ...table(summary.functions),
  ].join('\n');
}
