// The bench's baseline (scripts/bench/batchBench.ts): read every file of a folder and give it to
// `yaml`'s parseDocument, on one core — what no audit of those files can do without.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

const folder = process.argv[2];
for (const name of readdirSync(folder)) parseDocument(readFileSync(path.join(folder, name), 'utf8'));
