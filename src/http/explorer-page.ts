/** The explorer's HTML page and the small files of its own; GraphiQL and React come from their packages. */

export interface ExplorerTab {
  readonly query: string;
  readonly variables: string;
  readonly headers: string;
}

/** A tab as a group writes it (src/http/explorer-tabs/); the explorer adds the credential header. */
export type ExplorerTabContent = Omit<ExplorerTab, 'headers'>;

export interface ExplorerPageSettings {
  readonly endpoint: string;
  readonly scripts: readonly string[];
  readonly stylesheets: readonly string[];
  readonly tabs: readonly ExplorerTab[];
  /** A line above the explorer, e.g. why only some documents run. */
  readonly notice?: string;
}

export function explorerPage(settings: ExplorerPageSettings): string {
  const browserSettings = { endpoint: settings.endpoint, tabs: settings.tabs };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>align-graphql explorer</title>
<link rel="icon" href="data:,">
${settings.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeAttribute(href)}">`).join('\n')}
</head>
<body${settings.notice ? ' class="with-notice"' : ''}>
${settings.notice ? `<p id="explorer-notice" role="note">${escapeText(settings.notice)}</p>\n` : ''}<div id="graphiql">Loading the explorer…</div>
<script id="explorer-settings" type="application/json">${jsonForScriptElement(browserSettings)}</script>
${settings.scripts.map((src) => `<script src="${escapeAttribute(src)}"></script>`).join('\n')}
</body>
</html>
`;
}

/**
 * Runs in the browser after React, ReactDOM and GraphiQL's UMD bundles. It is a file of its own, not
 * an inline script, so the page's Content-Security-Policy can forbid inline scripts altogether.
 */
export const EXPLORER_BOOT_SCRIPT = `(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('explorer-settings').textContent);
  // Subscriptions go over a WebSocket to the same endpoint (graphql-ws); the headers typed in the
  // Headers tab travel in its connection_init message, since a browser cannot set WebSocket headers.
  var socketUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + settings.endpoint;
  var baseFetcher = GraphiQL.createFetcher({ url: settings.endpoint, subscriptionUrl: socketUrl });
  // GraphiQL sends an operation over the WebSocket when the editor's parsed document says it is a
  // subscription; that document can lag a tab switch (still the previous tab's). The operation to run
  // is read from the text being sent instead, and the fetcher is told about it.
  function operationsOf(text) {
    var code = text.replace(/"""[\\s\\S]*?"""|"(?:\\\\.|[^"\\\\\\n])*"|#[^\\n]*/g, ' ');
    var found = [];
    var pattern = /(^|[\\s}])(query|mutation|subscription)\\b\\s*([_A-Za-z][_0-9A-Za-z]*)?/g;
    var match;
    while ((match = pattern.exec(code))) found.push({ operation: match[2], name: match[3] || undefined });
    return found;
  }
  var fetcher = function (params, options) {
    var operations = operationsOf(params.query || '');
    var chosen = operations.filter(function (operation) { return operation.name !== undefined && operation.name === params.operationName; })[0]
      || (operations.length === 1 ? operations[0] : undefined);
    if (chosen) {
      params = Object.assign({}, params, { operationName: chosen.name });
      var definition = { kind: 'OperationDefinition', operation: chosen.operation, name: chosen.name && { kind: 'Name', value: chosen.name } };
      options = Object.assign({}, options, { documentAST: { kind: 'Document', definitions: [definition] } });
    }
    return baseFetcher(params, options);
  };
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: settings.tabs,
      // GraphiQL 3 fills the first tab's variables and headers from these, not from defaultTabs.
      variables: settings.tabs[0].variables,
      headers: settings.tabs[0].headers,
      defaultEditorToolsVisibility: 'variables',
      isHeadersEditorEnabled: true,
      // Real API keys typed into the headers editor stay out of the browser's storage.
      shouldPersistHeaders: false,
    }),
  );
})();
`;

export const EXPLORER_STYLES = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
body.with-notice { display: flex; flex-direction: column; height: 100vh; }
body.with-notice #graphiql { flex: 1; min-height: 0; height: auto; }
#explorer-notice { margin: 0; padding: 8px 16px; font: 14px/1.4 system-ui, sans-serif; background: #fff4ce; border-bottom: 1px solid #e0c45c; }
`;

/** JSON inside <script>: `<` escaped so that no value can close the element. */
function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
