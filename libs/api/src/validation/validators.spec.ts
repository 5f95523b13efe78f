import { validateAppBinding, validateBackupBatch, validateBackupSession, validateRepository } from './validators.js';

const batch = (spec: Record<string, unknown>) => ({
  apiVersion: 'stash.appscode.com/v1beta1',
  kind: 'BackupBatch',
  metadata: { name: 'b', namespace: 'demo' },
  spec: { retentionPolicy: { name: 'keep-last-1', keepLast: 1, prune: true }, ...spec },
});

const target = (ref: Record<string, unknown>) => ({ target: { ref } });

describe('validators', () => {
  it('accepts a minimal BackupBatch and returns it typed', () => {
    const result = validateBackupBatch(batch({ members: [target({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'w' })] }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.spec.members?.[0]?.target.ref.kind).toBe('Deployment');
  });

  it('accepts an unsupported target kind (reported later as a condition)', () => {
    const result = validateBackupBatch(batch({ members: [target({ apiVersion: 'batch/v1', kind: 'CronJob', name: 'c' })] }));
    expect(result.ok).toBe(true);
  });

  it('names the field path and allowed values of a bad enum', () => {
    const result = validateBackupBatch(batch({ executionOrder: 'Sideways' }));
    expect(result).toEqual({
      ok: false,
      errors: ['spec.executionOrder: must be one of Parallel, Sequential (got "Sideways")'],
    });
  });

  it('reports missing fields and wrong types inside arrays', () => {
    const result = validateBackupBatch(
      batch({ members: [{ target: { ref: { apiVersion: 'apps/v1', kind: 'Deployment' }, replicas: 'two' } }] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('spec.members[0].target.ref.name: is required');
      expect(result.errors).toContain('spec.members[0].target.replicas: expected integer (got "two")');
    }
  });

  it('rejects a malformed timeOut with a hint', () => {
    const result = validateBackupBatch(batch({ timeOut: '5 minutes' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^spec\.timeOut: must be Go duration string, e\.g\. 30s/);
  });

  it('accepts a hook port as a number or a name, and nothing else', () => {
    const hooks = (port: unknown) => batch({ hooks: { preBackup: { httpGet: { port, path: '/' } } } });
    expect(validateBackupBatch(hooks(8080)).ok).toBe(true);
    expect(validateBackupBatch(hooks('http')).ok).toBe(true);
    expect(validateBackupBatch(hooks(true))).toEqual({
      ok: false,
      errors: ['spec.hooks.preBackup.httpGet.port: must be an integer or a string (got true)'],
    });
  });

  it('checks the kind and apiVersion of the object', () => {
    const result = validateBackupSession({
      apiVersion: 'stash.appscode.com/v1alpha1',
      kind: 'BackupSession',
      metadata: {},
      spec: { invoker: { kind: 'BackupBatch', name: 'b' } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^apiVersion: must be one of stash.appscode.com\/v1beta1/);
  });

  it('requires exactly one repository backend', () => {
    const repository = (backend: Record<string, unknown>) => ({
      apiVersion: 'stash.appscode.com/v1alpha1',
      kind: 'Repository',
      metadata: { name: 'r' },
      spec: { backend: { storageSecretName: 's', ...backend } },
    });
    expect(validateRepository(repository({ rest: { url: 'http://r' } })).ok).toBe(true);
    expect(validateRepository(repository({ rest: { url: 'http://r' }, s3: { bucket: 'b' } }))).toEqual({
      ok: false,
      errors: ['spec.backend: exactly one of local, s3, gcs, azure, swift, b2, rest must be set (found s3, rest)'],
    });
  });

  it('keeps fields other tools add to an AppBinding', () => {
    const result = validateAppBinding({
      apiVersion: 'appcatalog.appscode.com/v1alpha1',
      kind: 'AppBinding',
      metadata: { name: 'db', labels: { app: 'x' } },
      spec: { clientConfig: { url: 'mysql://db:3306' }, appRef: { kind: 'MySQL', name: 'db' } },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.spec['appRef']).toEqual({ kind: 'MySQL', name: 'db' });
  });

  it('rejects labels that are not strings', () => {
    const result = validateAppBinding({
      apiVersion: 'appcatalog.appscode.com/v1alpha1',
      kind: 'AppBinding',
      metadata: { name: 'db', labels: { replicas: 3 } },
      spec: { clientConfig: {} },
    });
    expect(result).toEqual({ ok: false, errors: ['metadata.labels: must be a map of strings (got {"replicas":3})'] });
  });
});
