import type { ExplorerTab } from './explorer-page.js';

/** What the explorer says when TRUSTED_DOCUMENTS is set: why a typed document is refused, and what runs. */
export const TRUSTED_DOCUMENTS_NOTICE =
  'Trusted documents only (TRUSTED_DOCUMENTS is set): this server runs the documents of its manifest and nothing else. ' +
  'The tabs hold them exactly as listed: fill in the variables and run them unchanged; an edited or new document is refused ' +
  'with PERSISTED_QUERY_NOT_FOUND. Applications send {"documentId": "sha256:<hash>"} instead of the document. ' +
  'The docs pane stays empty unless its schema query is listed too.';

/** Tabs a browser may run as they stand: one per listed document, text unchanged so its hash matches. */
export function trustedDocumentTabs(documents: readonly string[], headers: string): ExplorerTab[] {
  return documents.map((query) => ({ query, variables: '{}', headers }));
}
