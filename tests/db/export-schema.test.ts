import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JSON_FILE_NAME } from '../../main/core/export/export-service.ts';
import { exportSchemaText, schemaFile } from '../../scripts/export-schema.ts';
import type { Vault } from '../../main/core/vault/vault.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import { createTestVault } from '../helpers/vault-fixtures.ts';
import { fillVault } from '../fixtures/export/fill-vault.ts';
import { exportService } from '../fixtures/export/helpers.ts';

/** The JSON Schema in the repo is the zod schema, and a real export passes it. */
let dir: string;
let vault: Vault;
let clock: FakeClock;
let cleanup: () => void;

beforeEach(async () => {
  ({ dir, vault, clock, cleanup } = await createTestVault(new Date(2026, 11, 3, 20, 14).getTime()));
  await fillVault(vault.db(), clock, { sealedMemory: true });
});
afterEach(() => cleanup());

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
}

async function realExport(): Promise<Record<string, unknown>> {
  const result = await exportService(() => vault.db(), clock).export({ markdown: false, json: 'everything', destination: { kind: 'folder', parent: dir } });
  return JSON.parse(fs.readFileSync(path.join(result.path, JSON_FILE_NAME), 'utf8')) as Record<string, unknown>;
}

describe('resources/export-schema.v1.json', () => {
  it('is exactly what scripts/export-schema.ts generates from the zod schema (run it after changing the format)', () => {
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(exportSchemaText());
  });

  it('accepts a real export of a vault with something in every table', async () => {
    const validate = validator();
    const doc = await realExport();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    // The fixture really did reach every part of the file.
    for (const key of ['sessions', 'schedules', 'trustedPeople', 'signals', 'memories', 'media', 'reflections'] as const) {
      expect((doc[key] as unknown[]).length, key).toBeGreaterThan(0);
    }
  });

  it('refuses a file with a wrong value, a missing field or a field it does not know', async () => {
    const validate = validator();
    const doc = await realExport();
    type WithEntries = typeof doc & { journal: { entries: Record<string, unknown>[] } };

    const tooIntense = structuredClone(doc) as WithEntries;
    (tooIntense.journal.entries[0]!.feelings as { intensity: number }[])[0]!.intensity = 11;
    expect(validate(tooIntense)).toBe(false);

    const noBody = structuredClone(doc) as WithEntries;
    delete noBody.journal.entries[0]!.body;
    expect(validate(noBody)).toBe(false);

    expect(validate({ ...doc, extra: true })).toBe(false);
    expect(validate({ ...doc, version: 2 })).toBe(false);
  });
});
