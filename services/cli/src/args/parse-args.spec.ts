import { UsageError } from '../cli-errors.js';
import { parseArgs } from './parse-args.js';
import { usage } from './usage.js';

describe('parseArgs', () => {
  it('reads a command, its name and the global options anywhere, kubectl style', () => {
    expect(parseArgs(['status', 'nightly', '-n', 'shop', '-ojson', '--kubeconfig=/k', '--limit', '3'])).toEqual({
      help: false,
      command: 'status',
      name: 'nightly',
      namespace: 'shop',
      kubeconfig: '/k',
      output: 'json',
      limit: 3,
      snapshots: [],
      dryRun: false,
      restoreName: undefined,
      removeAll: false,
    });
    expect(parseArgs(['--namespace=shop', 'trigger', 'nightly'])).toMatchObject({ command: 'trigger', name: 'nightly', namespace: 'shop', output: 'table' });
  });

  it('collects repeated --snapshot values and the restore flags', () => {
    expect(parseArgs(['restore', 'nightly', '--snapshot', 'db=1a2b3c4d', '--snapshot=files=5e6f7a8b', '--dry-run', '--name', 'r1'])).toMatchObject({
      snapshots: ['db=1a2b3c4d', 'files=5e6f7a8b'],
      dryRun: true,
      restoreName: 'r1',
    });
  });

  it('treats everything after -- as arguments', () => {
    expect(parseArgs(['pause', '--', '-odd-name'])).toMatchObject({ command: 'pause', name: '-odd-name' });
  });

  it('answers help without needing a command', () => {
    expect(parseArgs(['--help'])).toEqual({ help: true });
    expect(parseArgs(['restore', '-h'])).toEqual({ help: true, command: 'restore' });
    expect(parseArgs(['help'])).toEqual({ help: true });
  });

  it.each([
    [[], 'no command given'],
    [['backup', 'x'], 'unknown command "backup"'],
    [['trigger'], 'trigger needs the name of a batch'],
    [['snapshots'], 'snapshots needs the name of a repository'],
    [['trigger', 'a', 'b'], 'unexpected argument "b"'],
    [['trigger', 'a', '--frobnicate'], 'unknown option --frobnicate'],
    [['trigger', 'a', '-x'], 'unknown option -x'],
    [['trigger', 'a', '-n'], 'option --namespace needs a value'],
    [['trigger', 'a', '--dry-run'], 'trigger does not take --dry-run'],
    [['restore', 'a', '--dry-run=yes'], 'option --dry-run takes no value'],
    [['status', 'a', '-o', 'wide'], '--output must be one of table, json, yaml, got "wide"'],
    [['status', 'a', '--limit', '0'], '--limit must be a positive integer, got "0"'],
  ])('rejects %j: %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});

describe('usage', () => {
  it('lists every command, and one command’s own options', () => {
    const all = usage('kubectl restash');
    for (const command of ['trigger', 'pause', 'resume', 'status', 'snapshots', 'unlock', 'restore']) expect(all).toContain(`  ${command} <`);
    expect(usage('kubectl restash', 'restore')).toContain('--dry-run');
    expect(usage('kubectl restash', 'restore')).toMatch(/^usage: kubectl restash restore <batch> \[options\]/);
  });
});
