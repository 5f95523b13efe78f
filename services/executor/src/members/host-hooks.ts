import type { V1Pod } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import type { Handler } from '@restash/api';
import { HookError, runHook } from '@restash/hooks';
import type { RecordCondition } from '../session/global-hook.js';
import { recordHookCondition, type HookKind } from './member-hooks.js';
import { PodExec } from './pod-exec.js';
import { hasSidecar, podForHost } from './target-hosts.js';

/**
 * Runs a workload member's hook once per host, against the pod serving that host: http/tcp actions
 * default to its IP, exec actions run in it. One condition sums up all hosts.
 */
@Injectable()
export class HostHooks {
  constructor(private readonly exec: PodExec) {}

  /**
   * Returns the hosts whose hook failed, with the reason, and records the condition. `serves` tells
   * the pods that may serve a host (by default those with the stash sidecar).
   */
  async run(kind: HookKind, hook: Handler, targetKind: string, hosts: readonly string[], pods: readonly V1Pod[], record: RecordCondition, serves: (pod: V1Pod) => boolean = hasSidecar): Promise<Map<string, string>> {
    const failures = new Map<string, string>();
    await Promise.all(
      hosts.map(async (host) => {
        try {
          await this.runOn(hook, targetKind, host, pods, serves);
        } catch (error) {
          failures.set(host, `${kind} hook failed on ${host}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    const failure = failures.size === 0 ? undefined : [...failures.values()].join('; ');
    await recordHookCondition(kind, failure, `${kind} hook succeeded on ${hosts.join(', ')}`, record);
    return failures;
  }

  private async runOn(hook: Handler, kind: string, host: string, pods: readonly V1Pod[], serves: (pod: V1Pod) => boolean): Promise<void> {
    const pod = podForHost(kind, host, pods, serves);
    if (!pod) throw new HookError(`no pod serves ${host}`);
    await runHook(hook, { defaultHost: pod.status?.podIP, exec: this.exec.runner(pod) });
  }
}
