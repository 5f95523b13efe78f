import { renderOutput } from './output.js';

describe('renderOutput', () => {
  const output = { data: { name: 'nightly-1', phase: 'Running' }, table: 'NAME\nnightly-1' };

  it('prints the table by default, JSON and YAML on request', () => {
    expect(renderOutput(output, 'table')).toBe('NAME\nnightly-1\n');
    expect(JSON.parse(renderOutput(output, 'json'))).toEqual(output.data);
    expect(renderOutput(output, 'yaml')).toBe('name: nightly-1\nphase: Running\n');
  });
});
