import { renderTable } from './table.js';

describe('renderTable', () => {
  it('pads columns to the widest cell and shows empty cells as "-"', () => {
    expect(renderTable(['session', 'phase', 'error'], [['nightly-1', 'Succeeded', ''], ['x', 'Failed', 'boom']])).toBe(
      ['SESSION     PHASE       ERROR', 'nightly-1   Succeeded   -', 'x           Failed      boom'].join('\n'),
    );
  });

  it('prints only the headers when there are no rows', () => {
    expect(renderTable(['member', 'id'], [])).toBe('MEMBER   ID');
  });
});
