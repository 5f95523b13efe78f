import { setCondition, setConditions } from './condition-list.js';

const T1 = '2026-01-01T00:00:00Z';
const T2 = '2026-01-01T00:05:00Z';

describe('setCondition', () => {
  it('appends a new condition stamped with now, or with its own transition time', () => {
    expect(setCondition(undefined, { type: 'A', status: 'True' }, T1)).toEqual([{ type: 'A', status: 'True', lastTransitionTime: T1 }]);
    expect(setCondition([], { type: 'A', status: 'True', lastTransitionTime: T2 }, T1)).toEqual([{ type: 'A', status: 'True', lastTransitionTime: T2 }]);
  });

  it('keeps the transition time while the status stays, and moves it when the status changes', () => {
    const list = setCondition(undefined, { type: 'A', status: 'False', reason: 'Missing' }, T1);
    expect(setCondition(list, { type: 'A', status: 'False', reason: 'StillMissing' }, T2)).toEqual([
      { type: 'A', status: 'False', reason: 'StillMissing', lastTransitionTime: T1 },
    ]);
    expect(setCondition(list, { type: 'A', status: 'True' }, T2)).toEqual([{ type: 'A', status: 'True', lastTransitionTime: T2 }]);
  });

  it('updates in place, so setting the same conditions again changes nothing', () => {
    const once = setConditions(undefined, [{ type: 'A', status: 'True' }, { type: 'B', status: 'False' }], T1);
    expect(setConditions(once, [{ type: 'B', status: 'False' }, { type: 'A', status: 'True' }], T2)).toEqual(once);
  });
});
