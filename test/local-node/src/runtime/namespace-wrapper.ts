import type { BindMount } from '../volumes/mount-plan.js';
import { shellQuote } from './shell-quote.js';

/** What a container process sees: its mounts, its hostname and its working directory. */
export interface ContainerView {
  readonly mounts: readonly BindMount[];
  readonly hostname: string;
  readonly workingDir?: string;
}

/** A private tmpfs where every source is bound before any target is; `/` itself is never a mountPath. */
const STAGE = '/.restash-stage';

const stageFunction = [
  'stage() {',
  '  [ -e "$1" ] || /usr/bin/mkdir -p "$1"',
  '  if [ -d "$1" ]; then /usr/bin/mkdir -p "$2"; else : >"$2"; fi',
  '  /usr/bin/mount --bind "$1" "$2"',
  '}',
];

const bindFunction = [
  'bind() {',
  '  if [ -d "$1" ]; then /usr/bin/mkdir -p "$2"; else /usr/bin/mkdir -p "$(/usr/bin/dirname "$2")"; [ -e "$2" ] || : >"$2"; fi',
  '  /usr/bin/mount --bind "$1" "$2"',
  '  if [ "$3" = ro ]; then /usr/bin/mount -o remount,bind,ro "$2"; fi',
  '}',
];

/**
 * The shell script that sets up the private mount namespace and execs the container's command ("$@").
 * Sources are staged first: binding targets in order would otherwise let an earlier target (an
 * emptyDir at /tmp) shadow a later source beneath it (a hostPath /tmp/repo).
 */
export function namespaceScript(view: ContainerView): string {
  const staged = view.mounts.map((m, i) => ({ ...m, stage: `${STAGE}/${i}` }));
  return [
    'set -e',
    ...stageFunction,
    ...bindFunction,
    ...(staged.length ? [`/usr/bin/mkdir -p ${STAGE}`, `/usr/bin/mount -t tmpfs restash-stage ${STAGE}`] : []),
    ...staged.map((m) => `stage ${shellQuote(m.source)} ${shellQuote(m.stage)}`),
    ...staged.map((m) => `bind ${shellQuote(m.stage)} ${shellQuote(m.target)} ${m.readOnly ? 'ro' : 'rw'}`),
    ...(staged.length ? [`/usr/bin/umount -l ${STAGE}`] : []),
    `/usr/bin/hostname ${shellQuote(view.hostname)}`,
    `cd ${shellQuote(view.workingDir || '/')}`,
    'exec "$@"',
  ].join('\n');
}

/** argv that runs `command` in a new private mount + UTS namespace prepared by namespaceScript. */
export function namespacedArgv(view: ContainerView, command: readonly string[]): string[] {
  return ['unshare', '--mount', '--uts', '--propagation', 'private', '--', '/bin/sh', '-c', namespaceScript(view), 'container', ...command];
}

/** argv that runs `command` inside the namespaces of a running container process (exec). */
export function enterArgv(pid: number, workingDir: string | undefined, command: readonly string[]): string[] {
  return ['nsenter', '-t', String(pid), '--mount', '--uts', `--wd=${workingDir || '/'}`, '--', ...command];
}
