import type { ObjectIdentity } from '@restash/events';
import type { MemberOutcome } from '../session/session-plan.js';

export interface SessionJobData {
  session: ObjectIdentity;
}

export interface RestoreJobData {
  restore: ObjectIdentity;
}

/** One member of a BackupSession (jobs stored before restores existed have no `kind`). */
export interface BackupMemberJobData {
  kind?: 'backup';
  session: ObjectIdentity;
  batch: { namespace: string; name: string };
  memberIndex: number;
  /** ISO time after which the member is failed (the batch's timeOut). */
  deadline?: string;
}

/** One member of a RestoreBatch. */
export interface RestoreMemberJobData {
  kind: 'restore';
  restore: ObjectIdentity;
  memberIndex: number;
  /** ISO time after which the member is failed (the RestoreBatch's timeOut). */
  deadline?: string;
}

export type MemberJobData = BackupMemberJobData | RestoreMemberJobData;

export interface MemberJobResult {
  outcome: MemberOutcome;
}

/** The member run's job id: the session's or RestoreBatch's uid and the member, so a resumed run finds it. */
export function memberJobId(data: MemberJobData): string {
  return `${data.kind === 'restore' ? data.restore.uid : data.session.uid}-${data.memberIndex}`;
}
