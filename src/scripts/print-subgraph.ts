import { writeFile } from 'node:fs/promises';
import { serviceSdl } from '../graphql/service-sdl.js';

/** `npm run schema:subgraph`: writes subgraph.graphql at the repository root (this file runs from dist/scripts/). */
const target = new URL('../../subgraph.graphql', import.meta.url);
await writeFile(target, await serviceSdl());
process.stdout.write(`wrote ${target.pathname}\n`);
