/**
 * A small method + path-template router. Templates are `/`-separated; a segment starting with `:`
 * is a parameter. Literal segments win over parameters at the same level (`/v0/customers/simulate`
 * before `/v0/customers/:customer_id`), falling back to the parameter branch when the literal branch
 * has no route for the method. Templates are compiled into a segment tree once, so matching a request
 * is a split and a walk: no regular expressions.
 */

export interface RouteDefinition<H> {
  readonly method: string;
  /** e.g. `/v0/customers/:customer_id` */
  readonly template: string;
  readonly handler: H;
  /** The largest request body the route takes; default the emulator's 1 MiB. */
  readonly bodyLimit?: number;
  /** The docs require `Idempotency-Key` on this route: a request without one answers 400 (inferred status). */
  readonly requiresIdempotencyKey?: boolean;
}

export interface Route<H> extends RouteDefinition<H> {
  /** `METHOD template`, e.g. `GET /v0/customers/:customer_id`: the stats and fault key. */
  readonly key: string;
  readonly paramNames: readonly string[];
}

export interface RouteFound<H> {
  readonly kind: 'found';
  readonly route: Route<H>;
  readonly params: Readonly<Record<string, string>>;
}

export type RouteMatch<H> =
  | RouteFound<H>
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

class TreeNode<H> {
  readonly literals = new Map<string, TreeNode<H>>();
  param: TreeNode<H> | null = null;
  readonly routes = new Map<string, Route<H>>();
}

const NOT_FOUND = { kind: 'not-found' } as const;
const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

export class Router<H> {
  private readonly root = new TreeNode<H>();
  private readonly byKey = new Map<string, Route<H>>();

  constructor(definitions: Iterable<RouteDefinition<H>> = []) {
    for (const definition of definitions) this.add(definition);
  }

  add(definition: RouteDefinition<H>): Route<H> {
    const method = definition.method.toUpperCase();
    const key = `${method} ${definition.template}`;
    if (this.byKey.has(key)) throw new Error(`Duplicate route ${key}`);
    const paramNames: string[] = [];
    const segments = splitPath(definition.template);
    if (segments === null) throw new Error(`Route template must start with /: ${definition.template}`);
    let node = this.root;
    for (const segment of segments) {
      if (segment === '') throw new Error(`Empty segment in route template ${definition.template}`);
      if (segment.startsWith(':')) {
        paramNames.push(segment.slice(1));
        node.param ??= new TreeNode<H>();
        node = node.param;
      } else {
        let next = node.literals.get(segment);
        if (next === undefined) {
          next = new TreeNode<H>();
          node.literals.set(segment, next);
        }
        node = next;
      }
    }
    const route: Route<H> = { ...definition, method, key, paramNames };
    node.routes.set(method, route);
    this.byKey.set(key, route);
    return route;
  }

  /** Route keys (`METHOD template`) in the order they were added. */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** `path` is the URL path without the query string. */
  match(method: string, path: string): RouteMatch<H> {
    const segments = splitPath(path);
    if (segments === null) return NOT_FOUND;
    const values: string[] = [];
    const seen: { node: TreeNode<H> | null } = { node: null };
    const route = walk(this.root, segments, 0, method, values, seen);
    if (route !== null) {
      return { kind: 'found', route, params: values.length === 0 ? NO_PARAMS : bindParams(route.paramNames, values) };
    }
    if (seen.node !== null) return { kind: 'method-not-allowed', allowed: [...seen.node.routes.keys()] };
    return NOT_FOUND;
  }
}

/** `/a/b/` -> ['a', 'b'] (one trailing slash tolerated); null for a path not starting with `/`. */
function splitPath(path: string): string[] | null {
  if (path.charCodeAt(0) !== 47 /* / */) return null;
  const end = path.length > 1 && path.charCodeAt(path.length - 1) === 47 ? path.length - 1 : path.length;
  return path.slice(1, end).split('/');
}

function walk<H>(
  node: TreeNode<H>,
  segments: readonly string[],
  index: number,
  method: string,
  values: string[],
  seen: { node: TreeNode<H> | null },
): Route<H> | null {
  if (index === segments.length) {
    if (node.routes.size === 0) return null;
    const route = node.routes.get(method);
    if (route !== undefined) return route;
    seen.node ??= node; // the path exists, the method does not (405 unless another branch has it)
    return null;
  }
  const segment = segments[index]!;
  const literal = node.literals.get(segment);
  if (literal !== undefined) {
    const route = walk(literal, segments, index + 1, method, values, seen);
    if (route !== null) return route;
  }
  if (node.param !== null && segment !== '') {
    values.push(segment);
    const route = walk(node.param, segments, index + 1, method, values, seen);
    if (route !== null) return route;
    values.pop();
  }
  return null;
}

function bindParams(names: readonly string[], values: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) params[names[i]!] = decodeSegment(values[i]!);
  return params;
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escape: keep it raw; no id looks like that, so the handler answers 404
  }
}
