import { ApiextensionsV1Api, Watch, type KubernetesObject } from '@kubernetes/client-node';
import { RESOURCES } from '@restash/api';
import { apiErrorMessage, apiStatusCode, KubeClient } from '@restash/kube';
import { eventually } from '../../support/eventually.js';
import { loadManifests, type Manifest } from '../../support/manifests.js';
import { createTestNamespace, deleteTestNamespace } from '../../support/test-namespace.js';

const kube = new KubeClient();
let namespace: string;

beforeAll(async () => {
  namespace = await createTestNamespace(kube, 'crds');
});
afterAll(async () => {
  await deleteTestNamespace(kube, namespace);
});

const ourGroups = new Set([RESOURCES.repository.group, RESOURCES.appBinding.group]);
const isOurKind = (manifest: Manifest) => ourGroups.has(manifest.apiVersion.split('/')[0]!);

function inTestNamespace(manifest: Manifest): Manifest {
  return { ...manifest, metadata: { ...manifest.metadata, namespace } };
}

describe('restash CRDs on a real API server', () => {
  it('installs all five CRDs and they become Established', async () => {
    const extensions = kube.config.makeApiClient(ApiextensionsV1Api);
    for (const resource of Object.values(RESOURCES)) {
      const crd = await extensions.readCustomResourceDefinition({ name: `${resource.plural}.${resource.group}` });
      const established = crd.status?.conditions?.find((c) => c.type === 'Established');
      expect({ name: crd.metadata?.name, established: established?.status }).toEqual({ name: `${resource.plural}.${resource.group}`, established: 'True' });
    }
  });

  it('accepts the seed manifests and reads them back unchanged', async () => {
    const manifests = loadManifests('deploy/examples/wordpress').filter(isOurKind).map(inTestNamespace);
    expect(manifests.map((m) => m.kind).sort()).toEqual(['AppBinding', 'BackupBatch', 'BackupSession', 'Repository', 'RestoreBatch']);
    for (const manifest of manifests) {
      await kube.objects.create(manifest as KubernetesObject);
      const readBack = await kube.objects.read({ apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: { name: manifest.metadata.name, namespace } });
      // Every field the user wrote is there with its value (defaults may add fields, nothing is pruned).
      const { metadata: _metadata, ...content } = manifest;
      expect(readBack).toMatchObject(content);
    }
  });

  it.each([
    ['an unknown executionOrder', { executionOrder: 'Sideways' }, 'spec.executionOrder: Unsupported value: "Sideways"'],
    ['a repository without a name', { repository: {} }, 'spec.repository.name: Required value'],
    ['a wrongly typed field', { backupHistoryLimit: 'three' }, 'spec.backupHistoryLimit: Invalid value: "string"'],
    ['a timeOut that is not a duration', { timeOut: '5 minutes' }, 'spec.timeOut'],
  ])('rejects a BackupBatch with %s, saying which field is wrong', async (_case, specPatch, message) => {
    const body = {
      apiVersion: RESOURCES.backupBatch.apiVersion,
      kind: RESOURCES.backupBatch.kind,
      metadata: { name: 'invalid', namespace },
      spec: { repository: { name: 'repo' }, schedule: '@hourly', retentionPolicy: { name: 'keep', keepLast: 1, prune: false }, members: [], ...specPatch },
    };
    const error = await kube.objects.create(body).then(() => undefined, (e: unknown) => e);
    expect(apiStatusCode(error)).toBe(422);
    expect(apiErrorMessage(error)).toContain(message);
  });

  it('delivers added, modified and deleted events to a watch', async () => {
    const events: string[] = [];
    const watch = new Watch(kube.config);
    const path = `/apis/${RESOURCES.backupBatch.group}/${RESOURCES.backupBatch.version}/namespaces/${namespace}/${RESOURCES.backupBatch.plural}`;
    const request = await watch.watch(path, {}, (type, object: KubernetesObject) => {
      if (object.metadata?.name === 'watched') events.push(type);
    }, () => undefined);
    try {
      const batch = {
        apiVersion: RESOURCES.backupBatch.apiVersion,
        kind: RESOURCES.backupBatch.kind,
        metadata: { name: 'watched', namespace },
        spec: { repository: { name: 'repo' }, schedule: '@hourly', retentionPolicy: { name: 'keep', keepLast: 1, prune: false } },
      };
      await kube.objects.create(batch);
      await eventually(async () => events.includes('ADDED'), { what: 'ADDED event' });
      await kube.objects.patch({ ...batch, spec: { ...batch.spec, paused: true } }, undefined, undefined, 'test', undefined, 'application/merge-patch+json');
      await eventually(async () => events.includes('MODIFIED'), { what: 'MODIFIED event' });
      await kube.objects.delete(batch);
      await eventually(async () => events.includes('DELETED'), { what: 'DELETED event' });
      expect(events).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    } finally {
      request.abort();
    }
  });
});
