import { restashArgv } from './restash-command.js';

describe('restashArgv', () => {
  const env = { TARGET: 'wp' };
  it('runs the checkout CLI as the image entrypoint', () => {
    expect(restashArgv({ name: 'c', args: ['backup', '$(TARGET)'] }, env)).toEqual(['/app/bin/restash', 'backup', 'wp']);
    expect(restashArgv({ name: 'c', command: ['restash', 'run'], args: ['--x'] }, env)).toEqual([
      '/app/bin/restash',
      'run',
      '--x',
    ]);
    expect(restashArgv({ name: 'c', command: ['/usr/local/bin/restash'] }, env)).toEqual(['/app/bin/restash']);
  });
  it('runs any other command as given', () => {
    expect(restashArgv({ name: 'c', command: ['sh', '-c', 'exit $(TARGET)'] }, env)).toEqual(['sh', '-c', 'exit wp']);
  });
});
