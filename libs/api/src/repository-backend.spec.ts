import { backendProvider, configuredBackends } from './repository-backend.js';

describe('repository backend', () => {
  it('finds the single configured provider', () => {
    expect(backendProvider({ storageSecretName: 's', s3: { bucket: 'b' } })).toBe('s3');
  });

  it('has no provider when none or several are configured', () => {
    expect(backendProvider({ storageSecretName: 's' })).toBeUndefined();
    const both = { gcs: { bucket: 'b' }, rest: { url: 'http://r' } };
    expect(configuredBackends(both)).toEqual(['gcs', 'rest']);
    expect(backendProvider(both)).toBeUndefined();
  });
});
