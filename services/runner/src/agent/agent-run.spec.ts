import type { AgentRunRequest, MemberRepository } from '@restash/events';
import { agentConsumerService } from './agent-consumer.js';
import { hostBackupRun, isExpired } from './agent-run.js';

const request: AgentRunRequest = {
  runId: 'u1-app-host-0',
  session: { namespace: 'demo', name: 's-1', uid: 'u1' },
  target: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' },
  host: 'host-0',
  paths: ['/var/www/html'],
  exclude: ['*.log'],
  retention: { name: 'keep', keepLast: 5, prune: true },
  expiresAt: '2026-01-01T01:00:00Z',
  clearLocks: true,
};
const repository: MemberRepository = {
  ref: { namespace: 'demo', name: 'repo' },
  path: 'deployment/wordpress',
  restic: { url: 'rest:http://u:p@backup:8000/deployment/wordpress', redactedUrl: 'rest:http://***@backup:8000/deployment/wordpress', password: 'pw', env: {} },
};

describe('agent runs', () => {
  it('backs up the requested paths into the repository the sidecar holds, clearing leftover locks when it runs alone', () => {
    expect(hostBackupRun(request, repository)).toEqual({
      runId: 'u1-app-host-0',
      session: request.session,
      target: request.target,
      host: 'host-0',
      repository,
      source: { type: 'paths', paths: ['/var/www/html'], exclude: ['*.log'] },
      retention: request.retention,
      clearLocks: true,
      deadline: request.expiresAt,
    });
  });

  it('drops a request once the executor stopped waiting for it', () => {
    expect(isExpired(request, new Date('2026-01-01T00:59:59Z'))).toBe(false);
    expect(isExpired(request, new Date('2026-01-01T01:00:01Z'))).toBe(true);
    expect(isExpired({ ...request, expiresAt: undefined }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('gives subjects that differ only in dots and dashes their own durable consumer', () => {
    const a = agentConsumerService('restash.runs.agent.a-b.deployment.c.host-0');
    const b = agentConsumerService('restash.runs.agent.a.deployment.b-c.host-0');
    expect(a).toMatch(/^agent-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
  });
});
