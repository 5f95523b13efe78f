import { Injectable } from '@nestjs/common';
import { SUBJECTS, type InvolvedObject } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';
import type { MemberClaim } from '../plan/member-claims.js';
import { memberConditionEvent, memberConditionMessageId, statusShowsVerdict, type InjectionVerdict } from '../plan/member-condition.js';

/** Reports a member's StashSidecarInjected condition to the status service, unless its status already shows it. */
@Injectable()
export class MemberConditions {
  constructor(private readonly publisher: JetStreamPublisher) {}

  async report(claim: MemberClaim, verdict: InjectionVerdict, workload: InvolvedObject): Promise<void> {
    if (statusShowsVerdict(claim.batch, claim.member.target.ref, verdict)) return;
    const event = memberConditionEvent(claim, verdict, workload, new Date());
    await this.publisher.publish(SUBJECTS.batchStatus, event, memberConditionMessageId(claim.batch, event));
  }
}
