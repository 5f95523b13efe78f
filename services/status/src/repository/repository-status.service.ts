import { Inject, Injectable } from '@nestjs/common';
import { RESOURCES, type RepositorySpec, type RepositoryStatus } from '@restash/api';
import type { HostResult, MemberRepositoryStats } from '@restash/events';
import type { Logger } from '@restash/observability';
import { LOGGER } from '@restash/service-runtime';
import { StatusWriter } from '../kube/status-writer.js';
import { reduceRepository } from './repository-reducer.js';

/** Folds the member repository numbers a host result carries into its Repository's status. */
@Injectable()
export class RepositoryStatusService {
  private readonly logger: Logger;

  constructor(
    private readonly writer: StatusWriter,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'repository-status' });
  }

  async apply(result: HostResult, stats: MemberRepositoryStats): Promise<void> {
    const report = { stats, session: result.session.name, finishedAt: result.finishedAt, succeeded: result.result.phase === 'Succeeded' };
    const write = await this.writer.update<RepositorySpec, RepositoryStatus>(RESOURCES.repository, stats.repository, (repository) =>
      reduceRepository(repository.status, report, repository.metadata.generation),
    );
    if (write.outcome === 'missing') this.logger.debug({ ...stats.repository }, 'repository stats for a Repository that is gone; ignored');
  }
}
