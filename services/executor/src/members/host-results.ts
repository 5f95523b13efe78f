import { Inject, Injectable } from '@nestjs/common';
import type { HostBackupPhase, TargetRef } from '@restash/api';
import { RESTORE_MEMBER_CONDITIONS, type ObjectIdentity } from '@restash/events';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { reportedHosts, targetStatus } from './reported-hosts.js';
import { SIDECAR_SETTINGS, type SidecarSettings } from './sidecar-settings.js';

/** What a wait saw: the hosts reported so far and, when something else ended the wait, why. */
export interface ReportedResults {
  reported: Map<string, HostBackupPhase>;
  /** Why no more results will come (the object is gone, the init container could not be injected). */
  stopped?: string;
}

/** Waits for hosts' results as the status service writes them into a BackupSession's or RestoreBatch's status. */
@Injectable()
export class HostResults {
  constructor(
    private readonly objects: ClusterObjects,
    @Inject(SIDECAR_SETTINGS) private readonly settings: SidecarSettings,
  ) {}

  /** Reads the session status every poll until each host reported or `until` passed (or the session is gone); returns what was reported. */
  async wait(session: ObjectIdentity, target: TargetRef, hosts: readonly string[], until: Date): Promise<Map<string, HostBackupPhase>> {
    const results = await this.poll(hosts, until, async () => {
      const current = await this.objects.findBackupSession(session.namespace, session.name);
      if (!current || current.metadata.uid !== session.uid) return { reported: new Map(), stopped: `BackupSession ${session.name} is gone` };
      return { reported: reportedHosts(current.status?.targets, target) };
    });
    return results.reported;
  }

  /** The same for a RestoreBatch member; a StashInitContainerInjected=False condition on it stops the wait with its message. */
  waitForRestore(restore: ObjectIdentity, target: TargetRef, hosts: readonly string[], until: Date): Promise<ReportedResults> {
    return this.poll(hosts, until, async () => {
      const current = await this.objects.findRestoreBatch(restore.namespace, restore.name);
      if (!current || current.metadata.uid !== restore.uid) return { reported: new Map(), stopped: `RestoreBatch ${restore.name} is gone` };
      const member = targetStatus(current.status?.members, target);
      const injection = member?.conditions?.find((condition) => condition.type === RESTORE_MEMBER_CONDITIONS.initContainerInjected && condition.status === 'False');
      return { reported: reportedHosts(current.status?.members, target), ...(injection && { stopped: injection.message ?? 'the stash-init container could not be injected' }) };
    });
  }

  private async poll(hosts: readonly string[], until: Date, read: () => Promise<ReportedResults>): Promise<ReportedResults> {
    for (;;) {
      const results = await read();
      if (results.stopped || hosts.every((host) => results.reported.has(host)) || Date.now() >= until.getTime()) return results;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.settings.resultPollMs, Math.max(0, until.getTime() - Date.now()))));
    }
  }
}
