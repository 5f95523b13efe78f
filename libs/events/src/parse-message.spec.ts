import { parseMessage } from './parse-message.js';
import { RunRequestSchema } from './run-request.js';
import { sessionEventId } from './event-ids.js';

describe('message contracts', () => {
  it('accepts a well-formed run request and names every wrong field of a bad one', () => {
    const good = { kind: 'BackupSession', object: { namespace: 'demo', name: 's-1', uid: 'u1' }, requestedAt: '2026-01-01T00:00:00Z' };
    expect(parseMessage(RunRequestSchema, good, 'run request')).toEqual(good);
    const bad = () => parseMessage(RunRequestSchema, { kind: 'Pod', object: { namespace: 'demo', name: 's-1' } }, 'run request');
    expect(bad).toThrow(/^invalid run request: /);
    expect(bad).toThrow('kind: must be one of BackupSession, RestoreBatch (got "Pod")');
    expect(bad).toThrow('object.uid: is required');
    expect(bad).toThrow('requestedAt: is required');
  });

  it('gives one host result one message id, whoever reports it', () => {
    const session = { namespace: 'demo', name: 's-1', uid: 'u1' };
    const target = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'wp' };
    const fromRunner = sessionEventId({ type: 'host-result', session, target, finishedAt: 'a', result: { hostname: 'host-0', phase: 'Succeeded' } });
    const fromExecutor = sessionEventId({ type: 'host-result', session, target, finishedAt: 'b', result: { hostname: 'host-0', phase: 'Failed', error: 'pod died' } });
    expect(fromRunner).toBe(fromExecutor);
    expect(fromRunner).toBe('u1:host-result:Deployment/wp:host-0');
  });
});
