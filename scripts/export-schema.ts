/**
 * Writes resources/export-schema.v1.json from the zod schema in main/core/export/export-schema.ts.
 * Run after changing the export format: node --import tsx scripts/export-schema.ts
 * (tests/db/export-schema.test.ts fails while the committed file and the schema differ).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJsonSchema } from '../main/core/export/export-schema.ts';

export const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'export-schema.v1.json');

/** The file's exact text: stable key order, two-space indent, a final newline. */
export function exportSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(schemaFile, exportSchemaText());
  console.log(`Wrote ${path.relative(process.cwd(), schemaFile)}`);
}
