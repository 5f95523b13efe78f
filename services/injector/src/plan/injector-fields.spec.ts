import type { V1ManagedFieldsEntry } from '@kubernetes/client-node';
import { carriesInjectedFields, removalApplyObject } from './injector-fields.js';

const withFields = (...managedFields: V1ManagedFieldsEntry[]) => ({ metadata: { name: 'wp', namespace: 'demo', managedFields } });

describe('the removal plan', () => {
  it('applies an object that owns nothing, so the API server drops exactly the injector’s fields', () => {
    expect(removalApplyObject({ kind: 'Deployment', namespace: 'demo', name: 'wp' })).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'wp', namespace: 'demo' } });
    expect(removalApplyObject({ kind: 'ReplicationController', namespace: 'demo', name: 'rc' }).apiVersion).toBe('v1');
  });

  it('knows a workload still carries injected fields by the injector’s managed-fields entry', () => {
    const spec = { 'f:spec': { 'f:template': {} } };
    expect(carriesInjectedFields(withFields({ manager: 'restash-injector', operation: 'Apply', fieldsV1: spec }))).toBe(true);
    expect(carriesInjectedFields(withFields({ manager: 'restash-injector', operation: 'Apply', fieldsV1: {} }))).toBe(false);
    expect(carriesInjectedFields(withFields({ manager: 'kubectl-client-side-apply', operation: 'Update', fieldsV1: spec }))).toBe(false);
    expect(carriesInjectedFields(withFields())).toBe(false);
  });
});
