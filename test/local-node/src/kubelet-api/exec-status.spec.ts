import { selectLog } from './container-logs.js';
import { chooseExecProtocol, execStatus, parseExecPath } from './exec-status.js';

describe('exec protocol pieces', () => {
  it('parses the exec URL the API server sends', () => {
    const url = new URL('https://127.0.0.1:20250/exec/shop/web-1/main?command=sh&command=-c&command=echo%20hi&output=1&error=1');
    expect(parseExecPath(url)).toEqual({
      namespace: 'shop',
      pod: 'web-1',
      container: 'main',
      command: ['sh', '-c', 'echo hi'],
      stdin: false,
      stdout: true,
      stderr: true,
      tty: false,
    });
    expect(parseExecPath(new URL('https://x/attach/a/b/c'))).toBeUndefined();
  });

  it('prefers v5, then v4 of the channel protocols', () => {
    expect(chooseExecProtocol(new Set(['v4.channel.k8s.io', 'v5.channel.k8s.io']))).toBe('v5.channel.k8s.io');
    expect(chooseExecProtocol(new Set(['v4.channel.k8s.io']))).toBe('v4.channel.k8s.io');
    expect(chooseExecProtocol(new Set(['SPDY/3.1']))).toBe(false);
  });

  it('reports exit codes as metav1.Status', () => {
    expect(execStatus(0)).toEqual({ metadata: {}, status: 'Success' });
    expect(execStatus(2)).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '2' }] },
    });
    expect(execStatus(null, 'boom')).toMatchObject({ status: 'Failure', message: 'boom' });
  });

  it('tails and limits logs', () => {
    const log = Buffer.from('a\nb\nc\n');
    expect(selectLog(log, 2).toString()).toBe('b\nc\n');
    expect(selectLog(log, undefined, 3).toString()).toBe('a\nb');
    expect(selectLog(log).toString()).toBe('a\nb\nc\n');
  });
});
