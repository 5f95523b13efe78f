import { labelSelectorQuery } from './label-selector-query.js';

describe('labelSelectorQuery', () => {
  it('turns a workload selector into a pod list query', () => {
    expect(labelSelectorQuery({ matchLabels: { app: 'wordpress', tier: 'frontend' } })).toBe('app=wordpress,tier=frontend');
    expect(
      labelSelectorQuery({
        matchLabels: { app: 'db' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['a', 'b'] },
          { key: 'skip', operator: 'NotIn', values: ['x'] },
          { key: 'has', operator: 'Exists' },
          { key: 'hasnt', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=db,env in (a,b),skip notin (x),has,!hasnt');
  });

  it('reads a ReplicationController’s plain map selector', () => {
    expect(labelSelectorQuery({ app: 'legacy' })).toBe('app=legacy');
    expect(labelSelectorQuery(undefined)).toBe('');
  });
});
