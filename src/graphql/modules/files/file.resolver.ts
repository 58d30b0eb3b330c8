import { finished } from 'node:stream/promises';
import { GraphQLError } from 'graphql';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { fileOperations as align } from '../../../align/operations/files.js';
import { multipartFile } from '../../../align/streamed-body.js';
import type { GraphQLContext } from '../../context.js';
import { UploadScalar } from '../../scalars/upload.js';
import { UploadedFile } from './uploaded-file.type.js';

@Resolver(() => UploadedFile)
export class FileResolver {
  @Directive('@inaccessible')
  @Mutation(() => UploadedFile, {
    description:
      'Uploads one file (GraphQL multipart request with the Apollo-Require-Preflight header; at most UPLOAD_MAX_BYTES). The file is spooled to disk as it arrives, then streamed to Align.',
  })
  async uploadFile(@Arg('file', () => UploadScalar) file: Promise<FileUpload>, @Ctx() context: GraphQLContext): Promise<UploadedFile> {
    const upload = await file;
    await wholeFile(upload);
    const open = () => upload.createReadStream();
    const stored = await context.writes.run(align.uploadFile, [], multipartFile({ filename: upload.filename, mimeType: upload.mimetype, open }));
    return { id: stored.id, name: stored.name ?? upload.filename, mimeType: stored.type ?? upload.mimetype };
  }
}

/**
 * Waits until the whole file has arrived in graphql-upload's disk spool (never in memory), so that
 * a file over the limit or an upload cut short sends nothing upstream; then it is streamed from there.
 */
async function wholeFile(upload: FileUpload): Promise<void> {
  try {
    await finished(upload.capacitor);
  } catch (error) {
    const { status, message } = error as { status?: number; message?: string };
    if (status === 413) throw new GraphQLError(message ?? 'The file is too large.', { extensions: { code: 'BAD_REQUEST', http: { status: 413 } } });
    throw new GraphQLError('The upload ended before the whole file arrived; nothing was sent to Align.', { extensions: { code: 'BAD_REQUEST' } });
  }
}
