import { apiFailure } from './api-failure.js';

const apiError = (code: number, message: string) => Object.assign(new Error(`HTTP ${code}`), { code, body: JSON.stringify({ kind: 'Status', message }) });
const SERVER = 'https://k8s.example:6443';

describe('apiFailure', () => {
  it('says what was not found, and when the resource type itself is missing', () => {
    expect(apiFailure(apiError(404, 'backupbatches.stash.appscode.com "x" not found'), 'BackupBatch shop/x', SERVER).message).toBe('BackupBatch shop/x not found');
    expect(apiFailure(apiError(404, 'the server could not find the requested resource'), 'BackupBatch shop/x', SERVER).message).toBe(
      'BackupBatch shop/x not found (are restash’s CRDs installed in this cluster?)',
    );
  });

  it('passes on why the API server refused', () => {
    expect(apiFailure(apiError(403, 'backupbatches.stash.appscode.com "x" is forbidden: User "bob" cannot patch'), 'BackupBatch shop/x', SERVER).message).toBe(
      'forbidden: backupbatches.stash.appscode.com "x" is forbidden: User "bob" cannot patch',
    );
    expect(apiFailure(apiError(401, 'Unauthorized'), 'x', SERVER).message).toBe(`the API server at ${SERVER} refused the kubeconfig’s credentials (401 Unauthorized)`);
    expect(apiFailure(apiError(409, 'exists'), 'BackupSession shop/x-1', SERVER).message).toBe('BackupSession shop/x-1 already exists');
  });

  it('names the server it cannot reach', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(apiFailure(refused, 'BackupBatch shop/x', SERVER).message).toBe(`cannot reach the Kubernetes API server at ${SERVER} (ECONNREFUSED)`);
  });
});
