import { enterArgv, namespaceScript, namespacedArgv } from './namespace-wrapper.js';

describe('namespace wrapper', () => {
  const view = {
    mounts: [
      { source: "/stack/volumes/ns/it's", target: '/data', readOnly: false },
      { source: '/stack/secret', target: '/etc/secret', readOnly: true },
    ],
    hostname: 'pod-1',
    workingDir: '/work',
  };

  it('stages every source before binding any target (read-only by remount), sets the hostname and execs the command', () => {
    const script = namespaceScript(view);
    const lines = script.split('\n');
    const stageLines = lines.filter((line) => line.startsWith('stage '));
    const bindLines = lines.filter((line) => line.startsWith('bind '));
    expect(stageLines).toEqual([`stage '/stack/volumes/ns/it'\\''s' '/.restash-stage/0'`, `stage '/stack/secret' '/.restash-stage/1'`]);
    expect(bindLines).toEqual([`bind '/.restash-stage/0' '/data' rw`, `bind '/.restash-stage/1' '/etc/secret' ro`]);
    expect(lines.indexOf(stageLines[1]!)).toBeLessThan(lines.indexOf(bindLines[0]!));
    expect(script).toContain('mount -o remount,bind,ro "$2"');
    expect(script).toContain(`/usr/bin/hostname 'pod-1'`);
    expect(script.split('\n').slice(-2)).toEqual([`cd '/work'`, 'exec "$@"']);
  });

  it('runs under a private mount namespace, with the command as arguments', () => {
    const argv = namespacedArgv(view, ['sh', '-c', 'echo hi']);
    expect(argv.slice(0, 6)).toEqual(['unshare', '--mount', '--uts', '--propagation', 'private', '--']);
    expect(argv.slice(-4)).toEqual(['container', 'sh', '-c', 'echo hi']);
  });

  it('enters a running container for exec', () => {
    expect(enterArgv(42, undefined, ['cat', '/data/x'])).toEqual([
      'nsenter',
      '-t',
      '42',
      '--mount',
      '--uts',
      '--wd=/',
      '--',
      'cat',
      '/data/x',
    ]);
  });
});
