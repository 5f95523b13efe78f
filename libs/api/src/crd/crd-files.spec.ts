import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildCrd, type CustomResourceDefinition } from './build-crd.js';
import { CRD_DEFINITIONS } from './crd-definitions.js';
import { findDrift } from './crd-drift.js';
import { GENERATED_HEADER, renderCrdFiles } from './crd-files.js';
import { toStructuralSchema } from './structural-schema.js';

const COMMITTED_CRDS = fileURLToPath(new URL('../../../../deploy/crds/', import.meta.url));

const crds = CRD_DEFINITIONS.map(buildCrd);
const crd = (kind: string) => crds.find((candidate) => candidate.spec.names.kind === kind)!;
const version = (definition: CustomResourceDefinition) => definition.spec.versions[0]!;
const columns = (kind: string) => version(crd(kind)).additionalPrinterColumns.map((column) => column.name);

describe('generated CRDs', () => {
  it('declares the five kinds under their groups', () => {
    expect(crds.map((definition) => definition.metadata.name)).toEqual([
      'repositories.stash.appscode.com',
      'backupbatches.stash.appscode.com',
      'backupsessions.stash.appscode.com',
      'restorebatches.stash.appscode.com',
      'appbindings.appcatalog.appscode.com',
    ]);
  });

  it('has structural schemas', () => {
    for (const definition of crds) {
      const schema = version(definition).schema.openAPIV3Schema;
      expect(toStructuralSchema(schema)).toEqual(schema);
    }
  });

  it('has a status subresource on every kind but AppBinding', () => {
    expect(crds.filter((definition) => version(definition).subresources).map((d) => d.spec.names.kind)).toEqual([
      'Repository',
      'BackupBatch',
      'BackupSession',
      'RestoreBatch',
    ]);
  });

  it('shows the printer columns of the API', () => {
    expect(columns('Repository')).toEqual(['Integrity', 'Size', 'Snapshot-Count', 'Last-Successful-Backup', 'Age']);
    expect(columns('BackupSession')).toEqual(['Invoker-Type', 'Invoker-Name', 'Phase', 'Duration', 'Age']);
    expect(columns('BackupBatch')).toEqual(['Schedule', 'Paused', 'Age']);
    expect(columns('RestoreBatch')).toEqual(['Repository', 'Phase', 'Duration', 'Age']);
    expect(columns('AppBinding')).toEqual(['Type', 'Version', 'Age']);
  });

  it('applies the API defaults', () => {
    type SchemaNode = { default?: unknown; properties: Record<string, SchemaNode> };
    const spec = (version(crd('BackupBatch')).schema.openAPIV3Schema as SchemaNode).properties['spec']!.properties;
    expect(spec['backupHistoryLimit']!.default).toBe(1);
    expect(spec['executionOrder']!.default).toBe('Parallel');
    expect(spec['driver']!.default).toBe('Restic');
    expect(spec['hooks']!.properties['postBackup']!.properties['executionPolicy']!.default).toBe('Always');
  });

  it('renders each CRD to its own YAML file with the generated header', () => {
    const files = renderCrdFiles();
    expect([...files.keys()]).toEqual(crds.map((definition) => `${definition.metadata.name}.yaml`));
    for (const [name, text] of files) {
      expect(text.startsWith(GENERATED_HEADER)).toBe(true);
      expect(`${parse(text).metadata.name}.yaml`).toBe(name);
    }
  });

  it('matches the committed deploy/crds (run `pnpm build && pnpm crds write` after changing a schema)', async () => {
    expect(await findDrift(COMMITTED_CRDS, renderCrdFiles())).toEqual([]);
  });
});
