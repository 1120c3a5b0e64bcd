import { deriveOrNothing } from './integrate.ts';
import type { Passage } from '../types.ts';

/**
 * Child process (see `deriveInChildProcess`): reads the article's sentences as JSON from stdin,
 * writes what they give as JSON to stdout, and exits, taking the NLP model's memory with it.
 */

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const sentences = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Passage[];
process.stdout.write(JSON.stringify(deriveOrNothing({ sentences })));
