import type { KubeObject } from '@restash/api';
import { chainStatuses } from './status-chain.js';

type Counter = KubeObject<Record<string, never>, { count: number; seen: string[] }>;

const object: Counter = { apiVersion: 'v1', kind: 'Counter', metadata: { name: 'c', resourceVersion: '7' }, spec: {}, status: { count: 1, seen: [] } };
const add = (label: string) => (current: Counter) => ({ count: (current.status?.count ?? 0) + 1, seen: [...(current.status?.seen ?? []), label] });

describe('chained status updates', () => {
  it('apply in order, each to what the previous one made, on the same object', () => {
    const { steps, status } = chainStatuses(object, [add('a'), (current) => ({ ...current.status!, seen: [...current.status!.seen, current.metadata.resourceVersion!] })]);
    expect(status).toEqual({ count: 2, seen: ['a', '7'] });
    expect(steps).toEqual([
      { ok: true, value: { before: { count: 1, seen: [] }, after: { count: 2, seen: ['a'] } } },
      { ok: true, value: { before: { count: 2, seen: ['a'] }, after: { count: 2, seen: ['a', '7'] } } },
    ]);
  });

  it('let an update that throws fail alone, changing nothing', () => {
    const { steps, status } = chainStatuses(object, [
      add('a'),
      () => {
        throw new Error('bad event');
      },
      add('c'),
    ]);
    expect(steps.map((step) => step.ok)).toEqual([true, false, true]);
    expect(status).toEqual({ count: 3, seen: ['a', 'c'] });
  });
});
