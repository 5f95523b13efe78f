import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough, type Readable } from 'node:stream';

export interface ProcessSpec {
  binary: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Fed to the child's stdin; if it errors, the child is stopped and the run rejects with that error. */
  stdin?: Readable;
  /** Receives stdout line by line instead of it being collected. */
  onStdoutLine?: (line: string) => void;
  timeoutMs?: number;
  /**
   * How the process is stopped early (timeout, failed input, nobody reading); default SIGTERM. restic
   * wants SIGINT: it removes its repository lock on SIGINT, not on SIGTERM. (Database clients, on the
   * other hand, take SIGINT as "cancel the statement" and keep reading.)
   */
  stopSignal?: NodeJS.Signals;
}

export interface ProcessResult {
  stdout: string;
  stderr: string;
  /** null when the process was ended by a signal (timeout, stop). */
  exitCode: number | null;
}

export class SpawnError extends Error {
  override readonly name = 'SpawnError';
}

/** Runs a process to its end; resolves whatever its exit code, rejects only when it cannot start or stdin fails. */
export function runProcess(spec: ProcessSpec): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.binary, spec.args, { env: spec.env, stdio: [spec.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stdinError: Error | undefined;
    const stderr = collect(child.stderr!);
    const stop = () => child.kill(spec.stopSignal ?? 'SIGTERM');
    const timer = spec.timeoutMs ? setTimeout(stop, spec.timeoutMs) : undefined;
    if (spec.onStdoutLine) forEachLine(child.stdout!, spec.onStdoutLine);
    else child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    if (spec.stdin) {
      child.stdin!.on('error', () => {}); // EPIPE when the child exits early; its exit code tells why.
      spec.stdin.on('error', (error) => {
        stdinError ??= error;
        stop();
      });
      spec.stdin.pipe(child.stdin!);
    }
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new SpawnError(`cannot run ${spec.binary}: ${error.code ?? error.message}`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      // Nobody reads the input any more: stop whatever produces it.
      if (spec.stdin && !spec.stdin.readableEnded) spec.stdin.destroy();
      if (stdinError) reject(stdinError);
      else resolve({ stdout, stderr: stderr(), exitCode: code });
    });
  });
}

/**
 * Starts a process whose stdout is the result. The stream ends when the process exits 0 and fails
 * with `toError(result)` otherwise; destroying the stream stops the process.
 */
export function streamProcess(spec: ProcessSpec, toError: (result: ProcessResult) => Error): Readable {
  const output = new PassThrough();
  const child: ChildProcess = spawn(spec.binary, spec.args, { env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr = collect(child.stderr!);
  child.stdout!.pipe(output, { end: false });
  child.once('error', (error: NodeJS.ErrnoException) => {
    output.destroy(new SpawnError(`cannot run ${spec.binary}: ${error.code ?? error.message}`));
  });
  child.once('close', (code) => {
    if (code === 0) output.end();
    else output.destroy(toError({ stdout: '', stderr: stderr(), exitCode: code }));
  });
  output.once('close', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(spec.stopSignal ?? 'SIGTERM');
  });
  return output;
}

const MAX_STDERR = 64 * 1024;

/** Keeps the last 64 KiB of a stream's text (the end is where the fatal error is). */
function collect(stream: Readable): () => string {
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    if (text.length > MAX_STDERR) text = text.slice(-MAX_STDERR);
  });
  return () => text;
}

function forEachLine(stream: Readable, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line) onLine(line);
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
  });
}
