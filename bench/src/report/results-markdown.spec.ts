import { meetsTarget, type ResultSection } from './result-section.js';
import { sectionMarkdown, tableMarkdown } from './results-markdown.js';

const section: ResultSection = {
  id: 'data-path',
  title: '1. Data-path overhead',
  command: './dev bench data-path',
  measuredAt: new Date('2026-01-02T03:04:05.678Z'),
  machine: '2 CPUs',
  figures: [
    { name: 'restash / restic', shown: '1.07×', value: 1.07, target: { bound: 'max', value: 1.1, text: '≤ 1.10×' } },
    { name: 'replicas speed-up', shown: '1.5×', value: 1.5, target: { bound: 'min', value: 1.7, text: '≥ 1.7×' }, note: 'CPU-bound' },
    { name: 'pairs', shown: '3' },
  ],
  tables: [{ title: 'Pairs', columns: ['pair', 'a|b'], rows: [['1', 'x']] }],
  notes: ['Each run starts from an empty repository.'],
};

describe('results Markdown', () => {
  it('writes the headline figures with targets and verdicts, then the detail and the notes', () => {
    expect(sectionMarkdown(section)).toBe(
      [
        '## 1. Data-path overhead',
        '',
        'Measured 2026-01-02T03:04:05Z by `./dev bench data-path` on 2 CPUs.',
        '',
        '| figure | measured | target | verdict |',
        '| --- | --- | --- | --- |',
        '| restash / restic | 1.07× | ≤ 1.10× | **met** |',
        '| replicas speed-up | 1.5× | ≥ 1.7× | **not met** (CPU-bound) |',
        '| pairs | 3 | — | — |',
        '',
        '**Pairs**',
        '',
        '| pair | a\\|b |',
        '| --- | --- |',
        '| 1 | x |',
        '',
        '- Each run starts from an empty repository.',
      ].join('\n'),
    );
  });

  it('judges figures against bounds in either direction', () => {
    expect(meetsTarget({ name: 'x', shown: '', value: 1.1, target: { bound: 'max', value: 1.1, text: '' } })).toBe(true);
    expect(meetsTarget({ name: 'x', shown: '', value: 1.69, target: { bound: 'min', value: 1.7, text: '' } })).toBe(false);
    expect(meetsTarget({ name: 'x', shown: '', value: 3 })).toBeUndefined();
  });

  it('writes a table without a title as the bare table', () => {
    expect(tableMarkdown({ title: '', columns: ['a'], rows: [] })).toBe('| a |\n| --- |');
  });
});
