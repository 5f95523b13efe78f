import { Injectable } from '@nestjs/common';
import { restoreEventId, SUBJECTS, type InvolvedObject } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';
import { initContainerConditionEvent, restoreShowsVerdict } from '../plan/init-container-condition.js';
import type { InjectionVerdict } from '../plan/member-condition.js';
import type { RestoreClaim } from '../plan/restore-claims.js';

/** Reports a RestoreBatch member's StashInitContainerInjected condition to the status service, unless its status already shows it. */
@Injectable()
export class InitContainerConditions {
  constructor(private readonly publisher: JetStreamPublisher) {}

  async report(claim: RestoreClaim, verdict: InjectionVerdict, workload: InvolvedObject): Promise<void> {
    const { ref } = claim.member.target;
    if (restoreShowsVerdict(claim.batch, ref, verdict)) return;
    const event = initContainerConditionEvent(claim.batch, ref, verdict, workload, new Date());
    await this.publisher.publish(SUBJECTS.restoreStatus, event, restoreEventId(event));
  }
}
