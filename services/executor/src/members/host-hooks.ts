import type { V1Pod } from '@kubernetes/client-node';
import { Injectable } from '@nestjs/common';
import type { Handler, TargetRef } from '@restash/api';
import type { ObjectIdentity } from '@restash/events';
import { HookError, runHook } from '@restash/hooks';
import { SessionEvents } from '../session/session-events.js';
import { PodExec } from './pod-exec.js';
import { podForHost } from './target-hosts.js';

export type HookKind = 'preBackup' | 'postBackup';

const CONDITIONS: Record<HookKind, { type: string; succeeded: string; failed: string }> = {
  preBackup: { type: 'PreBackupHookExecutionSucceeded', succeeded: 'SuccessfullyExecutedPreBackupHook', failed: 'FailedToExecutePreBackupHook' },
  postBackup: { type: 'PostBackupHookExecutionSucceeded', succeeded: 'SuccessfullyExecutedPostBackupHook', failed: 'FailedToExecutePostBackupHook' },
};

/**
 * Runs a workload member's hook once per host, against the pod serving that host: http/tcp actions
 * default to its IP, exec actions run in it. One target condition sums up all hosts.
 */
@Injectable()
export class HostHooks {
  constructor(
    private readonly exec: PodExec,
    private readonly events: SessionEvents,
  ) {}

  /** Returns the hosts whose hook failed, with the reason. */
  async run(kind: HookKind, session: ObjectIdentity, target: TargetRef, hook: Handler, hosts: readonly string[], pods: readonly V1Pod[]): Promise<Map<string, string>> {
    const failures = new Map<string, string>();
    await Promise.all(
      hosts.map(async (host) => {
        try {
          await this.runOn(hook, target.kind, host, pods);
        } catch (error) {
          failures.set(host, `${kind} hook failed on ${host}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    const { type, succeeded, failed } = CONDITIONS[kind];
    const ok = failures.size === 0;
    const message = ok ? `${kind} hook succeeded on ${hosts.join(', ')}` : [...failures.values()].join('; ');
    await this.events.targetCondition(session, target, type, ok, ok ? succeeded : failed, message);
    return failures;
  }

  private async runOn(hook: Handler, kind: string, host: string, pods: readonly V1Pod[]): Promise<void> {
    const pod = podForHost(kind, host, pods);
    if (!pod) throw new HookError(`no pod with the stash sidecar serves ${host}`);
    await runHook(hook, { defaultHost: pod.status?.podIP, exec: this.exec.runner(pod) });
  }
}
