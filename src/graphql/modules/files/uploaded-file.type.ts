import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@inaccessible')
@ObjectType({ description: 'A file stored upstream, to attach to a KYC profile by id.', simpleResolvers: true })
export class UploadedFile {
  @Field(() => ID, { description: 'What CustomerDocumentInput.fileId takes.' })
  id!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  mimeType!: string | null;
}
