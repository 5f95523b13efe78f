import type { PlannedMember } from '../session/session-plan.js';
import { agentRunRequest, hostWaves, memberPaths } from './agent-run-request.js';

const session = { namespace: 'demo', name: 's-1', uid: 'u1' };
const planned = (target: PlannedMember['member']['target']): PlannedMember => ({ index: 1, key: 'app', member: { target }, model: 'sidecar', after: [], requires: [] });
const wordpress = { ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' }, volumeMounts: [{ name: 'data', mountPath: '/var/www/html' }] };

describe('agent run requests', () => {
  it('asks one host for the member’s paths, with a run id per session, member and host', () => {
    const request = agentRunRequest(session, planned({ ...wordpress, paths: ['/var/www/html/wp-content'], exclude: ['*.log'] }), 'host-0', { name: 'keep', keepLast: 3, prune: true }, new Date('2026-01-01T01:00:00Z'), false);
    expect(request).toEqual({
      runId: 'u1-app-host-0',
      session,
      target: wordpress.ref,
      host: 'host-0',
      paths: ['/var/www/html/wp-content'],
      exclude: ['*.log'],
      retention: { name: 'keep', keepLast: 3, prune: true },
      expiresAt: '2026-01-01T01:00:00.000Z',
    });
  });

  it('lets the host that runs alone clear the restic locks left in the repository, and no other', () => {
    const request = (alone: boolean) => agentRunRequest(session, planned(wordpress), 'host-0', undefined, new Date('2026-01-01T01:00:00Z'), alone);
    expect(request(true).clearLocks).toBe(true);
    expect(request(false)).not.toHaveProperty('clearLocks');
  });

  it('backs up the mounted paths when the member names none', () => {
    expect(memberPaths(wordpress)).toEqual(['/var/www/html']);
    expect(memberPaths({ ref: wordpress.ref })).toEqual([]);
  });

  it('asks the first host alone, so only one sidecar may create the repository, then all others together', () => {
    expect(hostWaves(['host-0', 'host-1', 'host-2'])).toEqual([['host-0'], ['host-1', 'host-2']]);
    expect(hostWaves(['node-a'])).toEqual([['node-a']]);
    expect(hostWaves([])).toEqual([]);
  });
});
