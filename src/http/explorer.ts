import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Config } from '../config.js';
import { EXPLORER_BOOT_SCRIPT, EXPLORER_STYLES, explorerPage, type ExplorerTab } from './explorer-page.js';
import { explorerTabs } from './explorer-tabs/index.js';
import { TRUSTED_DOCUMENTS_NOTICE, trustedDocumentTabs } from './explorer-trusted.js';

/**
 * The browser explorer at `GET /graphql`: GraphiQL and React from the installed packages, served by
 * this server, so it works behind a firewall with no internet access. Files are read once, when the
 * explorer is first asked for (about 4.5 MB a server that is never browsed does not hold); requests
 * are answered from an allow-list held in memory, so no request path ever reaches the disk.
 */

/** A header the user must fill in before running anything; none when requests work as they stand. */
export interface ExplorerCredentialHint {
  readonly header: string;
  readonly placeholder: string;
}

export interface ExplorerOptions {
  /** Path the page sends GraphQL requests to. */
  readonly endpoint: string;
  readonly credentialHint: ExplorerCredentialHint | undefined;
  /** With TRUSTED_DOCUMENTS, the documents that may run: the page offers them and says why nothing else runs. */
  readonly trustedDocuments?: readonly string[];
}

/**
 * What the page's Headers tab starts with: nothing on the embedded emulator (its demo key serves
 * callers without one), the caller's own Align key otherwise, and in server-key mode the token or
 * gateway secret that mode requires (CallerAuthConfig).
 */
export function explorerCredentialHint(config: Pick<Config, 'alignApiKey' | 'callerAuth'>, demoKey: boolean): ExplorerCredentialHint | undefined {
  if (config.callerAuth?.jwt) return { header: 'Authorization', placeholder: 'Bearer <your access token (JWT)>' };
  if (config.callerAuth?.gateway) return { header: config.callerAuth.gateway.header, placeholder: '<gateway secret>' };
  if (config.alignApiKey !== undefined || demoKey) return undefined;
  return { header: 'Authorization', placeholder: 'Bearer <your Align API key>' };
}

/** Where assets are served from; their names carry a content hash, so they can be cached forever. */
export const EXPLORER_ASSET_PREFIX = '/explorer/assets/';

/**
 * No CDN, no inline script (the page's settings travel in a JSON data block), requests only to this
 * origin. Inline styles stay allowed: GraphiQL's editor and popovers set them at run time.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
  /** Compressed on first request: GraphiQL's bundle is 3.5 MB, 0.9 MB gzipped. */
  gzipped?: Buffer;
}

interface AssetSource {
  readonly name: string;
  readonly contentType: string;
  readonly body: Buffer;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

type AssetUrls = Record<'react' | 'reactDom' | 'graphiql' | 'graphiqlCss' | 'styles' | 'boot', string>;

export class Explorer {
  private loaded: { readonly assets: Map<string, Asset>; readonly urls: AssetUrls } | undefined;

  constructor(private readonly options: ExplorerOptions) {}

  /** The files and their hashed URLs, read from the installed packages on first use. */
  private files(): { readonly assets: Map<string, Asset>; readonly urls: AssetUrls } {
    if (this.loaded) return this.loaded;
    const assets = new Map<string, Asset>();
    const require = createRequire(import.meta.url);
    const packageFile = (pkg: string, file: string) =>
      readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file));
    const add = (source: AssetSource): string => {
      const hash = createHash('sha256').update(source.body).digest('hex').slice(0, 12);
      const dot = source.name.indexOf('.');
      const url = `${EXPLORER_ASSET_PREFIX}${source.name.slice(0, dot)}.${hash}${source.name.slice(dot)}`;
      assets.set(url, { body: source.body, contentType: source.contentType });
      return url;
    };
    const urls: AssetUrls = {
      react: add({ name: 'react.production.min.js', contentType: JAVASCRIPT, body: packageFile('react', 'umd/react.production.min.js') }),
      reactDom: add({ name: 'react-dom.production.min.js', contentType: JAVASCRIPT, body: packageFile('react-dom', 'umd/react-dom.production.min.js') }),
      graphiql: add({ name: 'graphiql.min.js', contentType: JAVASCRIPT, body: stripSourceMapComment(packageFile('graphiql', 'graphiql.min.js')) }),
      graphiqlCss: add({ name: 'graphiql.min.css', contentType: CSS, body: stripSourceMapComment(packageFile('graphiql', 'graphiql.min.css')) }),
      styles: add({ name: 'explorer.css', contentType: CSS, body: Buffer.from(EXPLORER_STYLES) }),
      boot: add({ name: 'explorer.js', contentType: JAVASCRIPT, body: Buffer.from(EXPLORER_BOOT_SCRIPT) }),
    };
    this.loaded = { assets, urls };
    return this.loaded;
  }

  /** Whether the files have been read yet (they are on the first page or asset request). */
  get assetsLoaded(): boolean {
    return this.loaded !== undefined;
  }

  /** A browser navigating to the endpoint (not a GraphQL GET, which carries `?query=`). */
  wantsPage(req: IncomingMessage, search: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (new URLSearchParams(search).has('query')) return false;
    return (req.headers.accept ?? '').toLowerCase().includes('text/html');
  }

  servePage(req: IncomingMessage, res: ServerResponse): void {
    const { urls } = this.files();
    const html = explorerPage({
      endpoint: this.options.endpoint,
      scripts: [urls.react, urls.reactDom, urls.graphiql, urls.boot],
      stylesheets: [urls.graphiqlCss, urls.styles],
      tabs: this.options.trustedDocuments
        ? trustedDocumentTabs(this.options.trustedDocuments, headersFor(this.options.credentialHint))
        : defaultTabs(this.options.credentialHint),
      notice: this.options.trustedDocuments ? TRUSTED_DOCUMENTS_NOTICE : undefined,
    });
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', EXPLORER_CSP);
    res.setHeader('cache-control', 'no-store');
    setCommonHeaders(res);
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  /** Answers a request for one of the explorer's files; false when the path is not one of them. */
  serveAsset(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (!path.startsWith(EXPLORER_ASSET_PREFIX)) return false;
    const asset = this.files().assets.get(path);
    if (asset === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const gzip = /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? (asset.gzipped ??= gzipSync(asset.body)) : asset.body;
    res.statusCode = 200;
    res.setHeader('content-type', asset.contentType);
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('vary', 'accept-encoding');
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.setHeader('content-length', body.length);
    setCommonHeaders(res);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  /** The asset URLs, in the order the page loads them. */
  assetUrls(): string[] {
    return [...this.files().assets.keys()];
  }
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}

/** The bundles name source maps this server does not serve; browsers would ask for them in vain. */
function stripSourceMapComment(file: Buffer): Buffer {
  return Buffer.from(file.toString('utf8').replace(/\n?(?:\/\/|\/\*)# sourceMappingURL=\S+(?: \*\/)?\s*$/, '\n'));
}

/** Every group's ready-made tabs, in order, each with the credential header the mode needs. */
function defaultTabs(hint: ExplorerCredentialHint | undefined): ExplorerTab[] {
  const headers = headersFor(hint);
  return explorerTabs().map((tab) => ({ ...tab, headers }));
}

/** The Headers tab's starting text: the credential header to fill in, or nothing. */
function headersFor(hint: ExplorerCredentialHint | undefined): string {
  return hint ? JSON.stringify({ [hint.header]: hint.placeholder }, null, 2) : '';
}
