import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { ValidationResult } from '../validation/compile-validator.js';
import {
  validateAppBinding,
  validateBackupBatch,
  validateBackupSession,
  validateRepository,
  validateRestoreBatch,
} from '../validation/validators.js';

const EXAMPLES = fileURLToPath(new URL('../../../../deploy/examples/', import.meta.url));

const VALIDATORS: Record<string, (value: unknown) => ValidationResult<unknown>> = {
  Repository: validateRepository,
  BackupBatch: validateBackupBatch,
  BackupSession: validateBackupSession,
  RestoreBatch: validateRestoreBatch,
  AppBinding: validateAppBinding,
};

interface Manifest {
  file: string;
  kind: string;
  object: Record<string, unknown>;
}

function exampleManifests(): Manifest[] {
  const files = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml'));
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(EXAMPLES, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
      const object = document.toJS() as Record<string, unknown>;
      return { file, kind: String(object['kind']), object };
    }),
  );
}

const manifests = exampleManifests();
const ours = manifests.filter((manifest) => manifest.kind in VALIDATORS);

describe('deploy/examples', () => {
  it('has an example of each of the five kinds', () => {
    expect(new Set(ours.map((manifest) => manifest.kind))).toEqual(new Set(Object.keys(VALIDATORS)));
  });

  it.each(ours.map((manifest) => [`${manifest.file} ${manifest.kind}`, manifest] as const))('%s is valid', (_, manifest) => {
    expect(VALIDATORS[manifest.kind]!(manifest.object)).toEqual({ ok: true, value: manifest.object });
  });

  it('rejects the backup batch with executionOrder: Sideways, naming the field', () => {
    const batch = ours.find((manifest) => manifest.kind === 'BackupBatch')!.object;
    const sideways = { ...batch, spec: { ...(batch['spec'] as object), executionOrder: 'Sideways' } };
    const result = validateBackupBatch(sideways);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual(['spec.executionOrder: must be one of Parallel, Sequential (got "Sideways")']);
  });
});
