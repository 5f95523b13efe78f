import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';

export interface RestServer {
  /** http://127.0.0.1:<port> (no credentials). */
  url: string;
  stop(): Promise<void>;
}

/** A real restic REST backend: `rclone serve restic` over `dir`, with basic auth. */
export async function startRestServer(dir: string, credentials: { username: string; password: string }): Promise<RestServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'rclone',
    ['serve', 'restic', '--addr', `127.0.0.1:${port}`, '--user', credentials.username, '--pass', credentials.password, dir],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await eventually(async () => (await fetch(url, { method: 'HEAD' }).catch(() => undefined)) !== undefined, {
      timeoutMs: 10_000,
      what: 'rclone serve restic listening',
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
