import { restashArgv } from './restash-command.js';

describe('restashArgv', () => {
  const env = { TARGET: 'wp' };
  it('runs the checkout CLI as the image entrypoint', () => {
    expect(restashArgv({ name: 'c', args: ['backup', '$(TARGET)'] }, env, '/repo')).toEqual(['/repo/bin/restash', 'backup', 'wp']);
    expect(restashArgv({ name: 'c', command: ['restash', 'run'], args: ['--x'] }, env, '/repo')).toEqual([
      '/repo/bin/restash',
      'run',
      '--x',
    ]);
    expect(restashArgv({ name: 'c', command: ['/usr/local/bin/restash'] }, env, '/repo')).toEqual(['/repo/bin/restash']);
  });
  it('runs any other command as given', () => {
    expect(restashArgv({ name: 'c', command: ['sh', '-c', 'exit $(TARGET)'] }, env, '/repo')).toEqual(['sh', '-c', 'exit wp']);
  });
});
