import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import { PassThrough } from 'node:stream';

export interface ExecResult {
  stdout: string;
  stderr: string;
  status: V1Status;
}

/** `kubectl exec` through the API server's pods/exec (WebSocket), collecting the output and the final status. */
export function execInPod(config: KubeConfig, namespace: string, pod: string, container: string, command: string[]): Promise<ExecResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve, reject) => {
    new Exec(config)
      .exec(namespace, pod, container, command, stdout, stderr, null, false, (status) =>
        // the status arrives before the last frames may have been written out: let the streams drain
        setImmediate(() => resolve({ stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), status })),
      )
      .catch(reject);
  });
}
