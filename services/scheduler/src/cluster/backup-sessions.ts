import { Injectable } from '@nestjs/common';
import { RESOURCES, type BackupSessionSpec, type BackupSessionStatus } from '@restash/api';
import { CustomResources, isAlreadyExists, KubeClient, KubeWriteMetrics } from '@restash/kube';
import type { NewBackupSession } from '../sessions/session-manifest.js';

/** Creates BackupSessions. */
@Injectable()
export class BackupSessions {
  private readonly resources: CustomResources<BackupSessionSpec, BackupSessionStatus>;

  constructor(
    kube: KubeClient,
    private readonly writes: KubeWriteMetrics,
  ) {
    this.resources = new CustomResources(kube, RESOURCES.backupSession);
  }

  /** False when the session exists already: another replica, or an earlier attempt, created that slot. */
  async create(session: NewBackupSession): Promise<boolean> {
    try {
      await this.writes.count(RESOURCES.backupSession.plural, this.resources.create(session), { createOrDelete: true });
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }
}
