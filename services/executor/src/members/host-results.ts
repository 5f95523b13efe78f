import { Inject, Injectable } from '@nestjs/common';
import type { HostBackupPhase, TargetRef } from '@restash/api';
import type { ObjectIdentity } from '@restash/events';
import { ClusterObjects } from '../cluster/cluster-objects.js';
import { reportedHosts } from './reported-hosts.js';
import { SIDECAR_SETTINGS, type SidecarSettings } from './sidecar-settings.js';

/** Waits for the sidecars' host results, as the status service writes them into the session's status. */
@Injectable()
export class HostResults {
  constructor(
    private readonly objects: ClusterObjects,
    @Inject(SIDECAR_SETTINGS) private readonly settings: SidecarSettings,
  ) {}

  /** Reads the status every poll until each host reported or `until` passed (or the session is gone); returns what was reported. */
  async wait(session: ObjectIdentity, target: TargetRef, hosts: readonly string[], until: Date): Promise<Map<string, HostBackupPhase>> {
    for (;;) {
      const current = await this.objects.findBackupSession(session.namespace, session.name);
      if (!current || current.metadata.uid !== session.uid) return new Map();
      const reported = reportedHosts(current, target);
      if (hosts.every((host) => reported.has(host)) || Date.now() >= until.getTime()) return reported;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.settings.resultPollMs, Math.max(0, until.getTime() - Date.now()))));
    }
  }
}
