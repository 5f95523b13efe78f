import { cliEntryPoint } from './entry-points.js';

describe('cliEntryPoint', () => {
  it('routes each plugin command to the CLI with the command as its first argument', () => {
    for (const command of ['trigger', 'pause', 'resume', 'snapshots', 'unlock', 'restore']) {
      expect(cliEntryPoint(command, ['x'])).toEqual(['services/cli/dist/main.js', command]);
    }
    expect(cliEntryPoint('trigger', [])).toEqual(['services/cli/dist/main.js', 'trigger']);
  });

  it('leaves `restash status` without arguments to the status service, and restash’s other entry points alone', () => {
    expect(cliEntryPoint('status', [])).toBeUndefined();
    expect(cliEntryPoint('status', ['nightly', '-n', 'shop'])).toEqual(['services/cli/dist/main.js', 'status']);
    for (const entry of ['scheduler', 'injector', 'executor', 'job', 'agent', undefined]) expect(cliEntryPoint(entry, [])).toBeUndefined();
  });
});
