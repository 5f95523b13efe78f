import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stackDir } from '../../../test/support/stack-env.js';

/** The pid of one of the stack's own processes (`apiserver`, `nats`…), from the pid file `./dev up` wrote. */
export async function stackProcessPid(name: string): Promise<number> {
  return Number((await readFile(join(stackDir, 'pids', `${name}.pid`), 'utf8')).trim());
}
