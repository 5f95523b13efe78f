import { agentRunSubject, AgentRunRequestSchema, subjectToken } from './agent-run-request.js';
import { parseMessage } from './parse-message.js';

describe('agent run requests', () => {
  it('addresses one subject per workload host, kind lowercased', () => {
    expect(agentRunSubject({ namespace: 'demo', kind: 'Deployment', name: 'wordpress', uid: 'u-1' }, 'host-0')).toBe('restash.runs.agent.demo.deployment.wordpress.u-1.host-0');
    expect(agentRunSubject({ namespace: 'demo', kind: 'StatefulSet', name: 'db', uid: 'u-2' }, 'host-2')).toBe('restash.runs.agent.demo.statefulset.db.u-2.host-2');
  });

  it('escapes the dots of names and node names so each stays one token', () => {
    expect(subjectToken('web.v2')).toBe('web~v2');
    const subject = agentRunSubject({ namespace: 'demo', kind: 'DaemonSet', name: 'log.shipper', uid: 'u-3' }, 'node-1.example.com');
    expect(subject).toBe('restash.runs.agent.demo.daemonset.log~shipper.u-3.node-1~example~com');
    expect(subject.split('.')).toHaveLength(8);
  });

  it('accepts a request without secrets and rejects one without paths', () => {
    const request = {
      runId: 'u1-app-host-0',
      session: { namespace: 'demo', name: 's-1', uid: 'u1' },
      target: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wordpress' },
      host: 'host-0',
      paths: ['/var/www/html'],
      exclude: [],
    };
    expect(parseMessage(AgentRunRequestSchema, request, 'agent run request')).toEqual(request);
    expect(() => parseMessage(AgentRunRequestSchema, { ...request, paths: [] }, 'agent run request')).toThrow('paths');
  });
});
