import type { V1Container } from '@kubernetes/client-node';
import { join } from 'node:path';
import { expandVariables } from '../env/variable-expansion.js';
import type { BindMount } from '../volumes/mount-plan.js';

/** Where restash's code lives inside its image; the checkout is bound there, so no pod volume can hide it. */
export const IMAGE_APP_DIR = '/app';
/** The image's entrypoint, as a restash container sees it. */
export const IMAGE_CLI = `${IMAGE_APP_DIR}/bin/restash`;

/** The checkout's CLI on the host, which the container sees as IMAGE_CLI. */
export function restashCli(repoRoot: string): string {
  return join(repoRoot, 'bin', 'restash');
}

/** The bind mount that puts the checkout where the image keeps restash. */
export function appMount(repoRoot: string): BindMount {
  return { source: repoRoot, target: IMAGE_APP_DIR, readOnly: true };
}

const ENTRYPOINT_NAMES = new Set(['restash', '/usr/local/bin/restash', IMAGE_CLI]);

/**
 * A restash-image container's argv: command + args with $(VAR) expanded; an empty command, or one starting with
 * `restash`, `/usr/local/bin/restash` or `/app/bin/restash`, runs the image's entrypoint (the checkout's CLI).
 */
export function restashArgv(container: V1Container, env: Readonly<Record<string, string>>): string[] {
  const command = (container.command ?? []).map((word) => expandVariables(word, env));
  const args = (container.args ?? []).map((word) => expandVariables(word, env));
  if (command.length === 0) return [IMAGE_CLI, ...args];
  if (ENTRYPOINT_NAMES.has(command[0]!)) return [IMAGE_CLI, ...command.slice(1), ...args];
  return [...command, ...args];
}
