import { readFileSync } from 'node:fs';
import { forgetArgs, keepArgs } from './forget-args.js';
import { parseForgetOutput } from './forget-output.js';

describe('forgetArgs', () => {
  it('turns a retention policy into keep flags, grouped per host and paths', () => {
    const policy = { name: 'keep-last-5', keepLast: 5, keepDaily: 7, keepMonthly: 0, keepTags: ['pinned', 'release'], prune: true };
    expect(forgetArgs(policy, { prune: policy.prune, host: 'host-0' })).toEqual([
      'forget',
      '--json',
      '--keep-last',
      '5',
      '--keep-daily',
      '7',
      '--keep-tag',
      'pinned',
      '--keep-tag',
      'release',
      '--group-by',
      'host,paths',
      '--host',
      'host-0',
      '--prune',
    ]);
  });

  it('adds dry-run and a custom grouping', () => {
    expect(forgetArgs({ keepYearly: 1, keepWeekly: 2, keepHourly: 3 }, { dryRun: true, groupBy: 'host' })).toEqual([
      'forget',
      '--json',
      '--keep-hourly',
      '3',
      '--keep-weekly',
      '2',
      '--keep-yearly',
      '1',
      '--group-by',
      'host',
      '--dry-run',
    ]);
  });

  it('adds nothing for an empty policy', () => {
    expect(keepArgs({})).toEqual([]);
  });
});

describe('parseForgetOutput', () => {
  it('reads kept and removed ids from restic 0.14 output followed by the prune report', () => {
    const stdout = readFileSync(new URL('./__fixtures__/forget-prune-0.14.out', import.meta.url), 'utf8');
    expect(parseForgetOutput(stdout)).toEqual({
      kept: ['d7602af374896879d6b94da45a8c0ae6096ad856ed81a27dfb29b755094d3eeb'],
      removed: [
        'c694393ced9b572ad0deea92c31d4fb7cf6265efdef341716f3a982ebe5c35db',
        '99a16f1c2f7857f1ee244db87fc41e008ef44487ccf45c5e25fafd304ca94a85',
      ],
    });
  });

  it('treats no output (nothing matched) as nothing removed', () => {
    expect(parseForgetOutput('')).toEqual({ kept: [], removed: [] });
  });
});
