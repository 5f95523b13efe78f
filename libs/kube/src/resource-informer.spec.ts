import { dropManagedFields } from './resource-informer.js';

describe('informer caches', () => {
  it('can keep objects without their managedFields, in place', () => {
    const object = { metadata: { name: 'nightly', managedFields: [{ manager: 'kubectl', operation: 'Update' }], labels: { a: 'b' } } };
    expect(dropManagedFields(object)).toBe(object);
    expect(object.metadata).toEqual({ name: 'nightly', labels: { a: 'b' } });
    expect(dropManagedFields({ metadata: { name: 'x' } })).toEqual({ metadata: { name: 'x' } });
  });
});
