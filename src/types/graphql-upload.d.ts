/** The parts of graphql-upload (pure ESM, typed in JSDoc) this server uses. */
declare module 'graphql-upload/processRequest.mjs' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { Readable, Writable } from 'node:stream';

  export interface FileUpload {
    readonly filename: string;
    readonly mimetype: string;
    readonly encoding: string;
    createReadStream(): Readable;
    /** The spool the file is written to as it arrives: finishes when the whole file is in, errors when it was cut or too large. */
    readonly capacitor: Writable;
  }

  export interface ProcessRequestOptions {
    readonly maxFieldSize?: number;
    readonly maxFileSize?: number;
    readonly maxFiles?: number;
  }

  export default function processRequest(request: IncomingMessage, response: ServerResponse, options?: ProcessRequestOptions): Promise<unknown>;
}

declare module 'graphql-upload/GraphQLUpload.mjs' {
  import type { GraphQLScalarType } from 'graphql';

  const GraphQLUpload: GraphQLScalarType;
  export default GraphQLUpload;
}
