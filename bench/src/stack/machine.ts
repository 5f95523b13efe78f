import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, release, totalmem } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One line naming the machine and the versions that shape the figures, for RESULTS.md. */
export async function describeMachine(): Promise<string> {
  const cores = cpus();
  const [debian, restic] = await Promise.all([
    readFile('/etc/debian_version', 'utf8').then((text) => `Debian ${text.trim()}`, () => 'Linux'),
    run('restic', ['version']).then(({ stdout }) => stdout.split(' ').slice(0, 2).join(' '), () => 'restic ?'),
  ]);
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB RAM`;
  return `${cores.length} × ${cores[0]?.model.trim() ?? 'CPU'}, ${memory}, ${debian} (kernel ${release()}), Node ${process.version}, ${restic}`;
}
