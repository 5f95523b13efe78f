import type { ObjectIdentity } from '@restash/events';
import type { MemberOutcome } from '../session/session-plan.js';

export interface SessionJobData {
  session: ObjectIdentity;
}

export interface MemberJobData {
  session: ObjectIdentity;
  batch: { namespace: string; name: string };
  memberIndex: number;
  /** ISO time after which the member is failed (the batch's timeOut). */
  deadline?: string;
}

export interface MemberJobResult {
  outcome: MemberOutcome;
}
