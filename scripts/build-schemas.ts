/**
 * Writes the published JSON schemas for rule packs and `.dipsample.yaml` from their TypeScript
 * sources, so editors (yamlValidation) and the engine check the same thing. `--check` only
 * compares, for tests and CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSchema, mapSchema, packSchema } from '../src/engine';

export const GENERATED_SCHEMAS: Array<{ file: string; schema: object }> = [
  { file: 'rules/schemas/rule-pack.schema.json', schema: packSchema },
  { file: 'rules/schemas/dipsample-config.schema.json', schema: configSchema },
  { file: 'rules/schemas/dipsample-map.schema.json', schema: mapSchema },
];

export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, schema } of GENERATED_SCHEMAS) {
    const target = path.join(root, file);
    const wanted = schemaText(schema);
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === wanted) continue;
    if (check) {
      console.error(`${file} is out of date: run npm run schemas`);
      stale++;
    } else {
      writeFileSync(target, wanted);
      console.log(`wrote ${file}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
