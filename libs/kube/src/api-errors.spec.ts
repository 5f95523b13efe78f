import { isNamespaceTerminating } from './api-errors.js';

const apiError = (code: number, body: unknown) => Object.assign(new Error(`HTTP ${code}`), { code, body });
const terminating = {
  kind: 'Status',
  status: 'Failure',
  message: 'events "app.1" is forbidden: unable to create new content in namespace demo because it is being terminated',
  reason: 'Forbidden',
  details: { causes: [{ reason: 'NamespaceTerminating', message: 'namespace demo is being terminated' }] },
};

describe('API errors', () => {
  it('tell a write into a namespace being deleted from a refusal by RBAC', () => {
    expect(isNamespaceTerminating(apiError(403, JSON.stringify(terminating)))).toBe(true);
    expect(isNamespaceTerminating(apiError(403, terminating))).toBe(true);
    expect(isNamespaceTerminating(apiError(403, { reason: 'Forbidden', message: 'events is forbidden: User "x" cannot create resource "events"' }))).toBe(false);
    expect(isNamespaceTerminating(apiError(409, terminating))).toBe(false);
  });
});
