import { defineOperation } from '../operation.js';
import { asObject, badShape, optionalString } from '../shape.js';
import type { StreamedBody } from '../streamed-body.js';

/** Files (docs/align-api.md §8): uploaded once, referenced by id from a customer's KYC documents. */

export interface AlignFile {
  readonly id: string;
  readonly name: string | null;
  readonly type: string | null;
}

export const uploadFile = defineOperation({
  method: 'POST',
  route: '/v0/files',
  retry: 'once',
  body: (multipart: StreamedBody) => multipart,
  parse: (answer) => {
    const file = asObject(answer, 'file');
    // The SDK's type says `id`, its own example reads `file_id`: either is accepted.
    const id = optionalString(file, 'id', 'file') ?? optionalString(file, 'file_id', 'file');
    if (id === null || id === '') badShape('file.id is missing');
    return { id, name: optionalString(file, 'name', 'file'), type: optionalString(file, 'type', 'file') } satisfies AlignFile;
  },
});

export const fileOperations = { uploadFile } as const;
