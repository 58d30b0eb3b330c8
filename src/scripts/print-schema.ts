import { printSubgraphSdl } from '../graphql/print-schema.js';

process.stdout.write(await printSubgraphSdl());
