import type { V1Container } from '@kubernetes/client-node';
import { join } from 'node:path';
import { expandVariables } from '../env/variable-expansion.js';

/** restash's CLI in this checkout stands in for the image's /usr/local/bin/restash entrypoint. */
export function restashCli(repoRoot: string): string {
  return join(repoRoot, 'bin', 'restash');
}

/**
 * A restash-image container's argv: command + args with $(VAR) expanded; an empty command, or one starting with
 * `restash` or `/usr/local/bin/restash`, runs the checkout's CLI (the image's entrypoint).
 */
export function restashArgv(container: V1Container, env: Readonly<Record<string, string>>, repoRoot: string): string[] {
  const command = (container.command ?? []).map((word) => expandVariables(word, env));
  const args = (container.args ?? []).map((word) => expandVariables(word, env));
  if (command.length === 0) return [restashCli(repoRoot), ...args];
  if (command[0] === 'restash' || command[0] === '/usr/local/bin/restash') return [restashCli(repoRoot), ...command.slice(1), ...args];
  return [...command, ...args];
}
