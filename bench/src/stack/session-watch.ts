import { RESOURCES, type BackupSession } from '@restash/api';
import { CustomResourceInformer, type KubeClient } from '@restash/kube';
import type { Logger } from '@restash/observability';
import { eventually } from '../../../test/support/eventually.js';

const FINAL_PHASES = new Set(['Succeeded', 'Failed', 'Skipped']);

/**
 * Watches a namespace's BackupSessions and notes, on this machine's clock, when each was first seen,
 * when it was first seen final, and when each host result first showed in its status: what a
 * client of the API server sees, when it sees it.
 */
export class SessionWatch {
  readonly firstSeen = new Map<string, number>();
  readonly finalSeen = new Map<string, { phase: string; at: number }>();
  /** `<session>/<target kind>/<target name>/<host>` → when the host's result first showed. */
  readonly hostSeen = new Map<string, number>();
  private readonly informer: CustomResourceInformer<BackupSession>;

  constructor(kube: KubeClient, namespace: string, logger: Logger) {
    const seen = (session: BackupSession) => this.note(session);
    this.informer = new CustomResourceInformer<BackupSession>(kube, RESOURCES.backupSession, namespace, { upsert: seen }, logger);
  }

  async start(): Promise<this> {
    await this.informer.start();
    await eventually(async () => this.informer.synced, { what: 'BackupSession watch synced', intervalMs: 50 });
    return this;
  }

  stop(): Promise<void> {
    return this.informer.stop();
  }

  /** The session as the watch last saw it. */
  get(namespace: string, name: string): BackupSession | undefined {
    return this.informer.get(namespace, name);
  }

  /** Resolves once every named session has been seen final, or fails after `timeoutMs`. */
  async waitForFinal(names: readonly string[], timeoutMs: number): Promise<void> {
    await eventually(async () => names.every((name) => this.finalSeen.has(name)), {
      timeoutMs,
      intervalMs: 50,
      what: `${names.length} BackupSessions final (${names.filter((name) => this.finalSeen.has(name)).length} are)`,
    });
  }

  private note(session: BackupSession): void {
    const now = Date.now();
    const name = session.metadata.name!;
    if (!this.firstSeen.has(name)) this.firstSeen.set(name, now);
    const phase = session.status?.phase;
    if (phase && FINAL_PHASES.has(phase) && !this.finalSeen.has(name)) this.finalSeen.set(name, { phase, at: now });
    for (const target of session.status?.targets ?? []) {
      for (const host of target.stats ?? []) {
        const key = `${name}/${target.ref.kind}/${target.ref.name}/${host.hostname}`;
        if (!this.hostSeen.has(key)) this.hostSeen.set(key, now);
      }
    }
  }
}
