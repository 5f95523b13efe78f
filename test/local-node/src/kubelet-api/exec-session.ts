import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { WebSocket } from 'ws';
import type { Logger } from '../json-logger.js';
import { signalGroup } from '../runtime/process-groups.js';
import { type ExecRequest, execStatus } from './exec-status.js';

const stdinChannel = 0;
const stdoutChannel = 1;
const stderrChannel = 2;
const errorChannel = 3;
const closeSignal = 255;

export interface ExecCommand {
  readonly argv: string[];
  readonly env: Readonly<Record<string, string>>;
}

/** Exec processes still running, stopped with the local node. */
export const runningExecs = new Set<number>();

/**
 * The kubelet side of the channel.k8s.io WebSocket protocols: stdin on channel 0, stdout 1, stderr 2, the exit status
 * (metav1.Status JSON, v4+) on 3, and v5's close signal (255, channel) for half-closing stdin.
 */
export function serveExec(ws: WebSocket, protocol: string, request: ExecRequest, command: ExecCommand, log: Logger): void {
  const structured = protocol === 'v4.channel.k8s.io' || protocol === 'v5.channel.k8s.io';
  const send = (channel: number, data: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), data]));
  };
  const child = spawn(command.argv[0]!, command.argv.slice(1), {
    env: { ...command.env },
    stdio: [request.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid) runningExecs.add(child.pid);
  // Tell the client the streams are open (an empty frame on the lowest writable channel), as the kubelet does.
  send(request.stdout ? stdoutChannel : request.stderr ? stderrChannel : errorChannel, Buffer.alloc(0));
  child.stdout!.on('data', (data: Buffer) => request.stdout && send(stdoutChannel, data));
  child.stderr!.on('data', (data: Buffer) => request.stderr && send(request.tty ? stdoutChannel : stderrChannel, data));
  child.stdin?.on('error', () => undefined);
  ws.on('message', (raw: Buffer) => {
    const data = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as ArrayBuffer);
    if (data.length === 0) return;
    if (protocol === 'v5.channel.k8s.io' && data[0] === closeSignal) {
      if (data[1] === stdinChannel) child.stdin?.end();
      return;
    }
    if (data[0] === stdinChannel) child.stdin?.write(data.subarray(1));
  });
  let finished = false;
  const finish = (exitCode: number | null, error?: string) => {
    if (finished) return;
    finished = true;
    if (child.pid) runningExecs.delete(child.pid);
    const status = execStatus(exitCode, error);
    if (structured) send(errorChannel, Buffer.from(JSON.stringify(status)));
    else if (status.status !== 'Success') send(errorChannel, Buffer.from(String(status.message)));
    ws.close(1000);
    log.info('exec finished', { namespace: request.namespace, pod: request.pod, container: request.container, exitCode, error });
  };
  ws.on('close', () => {
    if (!finished && child.pid) signalGroup(child.pid, 'SIGKILL');
  });
  child.once('error', (err) => finish(null, `exec failed: ${err.message}`));
  child.once('exit', (code, signal) => {
    const exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
    // Give the pipes a moment to drain; a background child holding them open must not block the answer.
    const timer = setTimeout(() => finish(exitCode), 2_000);
    child.once('close', () => {
      clearTimeout(timer);
      finish(exitCode);
    });
  });
}
