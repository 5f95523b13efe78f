import { Exec, type V1Pod, type V1Status } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import { HookError, type ExecRunner } from '@restash/hooks';
import { KubeClient } from '@restash/kube';
import { PassThrough } from 'node:stream';
import { hookContainer } from './target-hosts.js';

const EXEC_TIMEOUT_MS = 5 * 60_000;
const MAX_OUTPUT = 500;

/** Runs exec hooks in a workload's pod through the API server's pods/exec, as `kubectl exec` does. */
@Injectable()
export class PodExec {
  private readonly exec: Exec;

  constructor(kube: KubeClient) {
    this.exec = new Exec(kube.config);
  }

  /** The hook runner for one pod: in the container the hook names, else the first that is not the sidecar. */
  runner(pod: V1Pod): ExecRunner {
    return async (command, containerName) => {
      const container = hookContainer(pod, containerName);
      if (!container) throw new HookError(`exec hook: pod ${pod.metadata?.name} has no container to run it in`);
      await this.run(pod.metadata!.namespace!, pod.metadata!.name!, container, command);
    };
  }

  private async run(namespace: string, pod: string, container: string, command: string[]): Promise<void> {
    const output: Buffer[] = [];
    const collect = new PassThrough().on('data', (chunk: Buffer) => output.push(chunk));
    const where = `"${command.join(' ')}" in ${pod}/${container}`;
    const status = await new Promise<V1Status>((resolve, reject) => {
      const timer = setTimeout(() => reject(new HookError(`exec ${where}: no exit within ${EXEC_TIMEOUT_MS / 1000}s`)), EXEC_TIMEOUT_MS);
      const done = (result: V1Status) => {
        clearTimeout(timer);
        setImmediate(() => resolve(result)); // the last frames may still be on their way
      };
      this.exec.exec(namespace, pod, container, command, collect, collect, null, false, done).catch((error: unknown) => {
        clearTimeout(timer);
        reject(new HookError(`exec ${where}: ${error instanceof Error ? error.message : String(error)}`));
      });
    });
    if (status.status === 'Success') return;
    const text = Buffer.concat(output).toString().trim().slice(-MAX_OUTPUT);
    throw new HookError(`exec ${where} failed: ${status.message ?? status.reason ?? 'non-zero exit'}${text ? `: ${text}` : ''}`);
  }
}
