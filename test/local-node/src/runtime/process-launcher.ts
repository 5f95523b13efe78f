import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LaunchSpec {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly logFile: string;
  readonly pidFile: string;
}

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  readonly error?: Error;
}

export interface LaunchedProcess {
  readonly pid: number;
  readonly exited: Promise<ProcessExit>;
}

/**
 * Starts a container process in its own session (so its whole tree can be signalled as a group), with stdout and
 * stderr appended to its log file and its pid in the stack's pid dir (removed when it exits) for `./dev down`.
 */
export function launchProcess(spec: LaunchSpec): LaunchedProcess {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  mkdirSync(dirname(spec.pidFile), { recursive: true });
  const log = openSync(spec.logFile, 'a');
  let child;
  try {
    child = spawn(spec.argv[0]!, spec.argv.slice(1), { env: { ...spec.env }, detached: true, stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  }).then((exit) => {
    rmSync(spec.pidFile, { force: true });
    return exit;
  });
  if (child.pid === undefined) return { pid: -1, exited };
  writeFileSync(spec.pidFile, `${child.pid}\n`);
  child.unref();
  return { pid: child.pid, exited };
}
