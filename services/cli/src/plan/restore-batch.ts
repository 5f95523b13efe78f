import { RESOURCES, type BackupBatch, type BackupMember, type RestoreBatchSpec, type RestoreMember, type ObjectMeta, type TaskRef } from '@restash/api';
import { UsageError } from '../cli-errors.js';

export const LATEST = 'latest';

export interface NewRestoreBatch {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string; namespace: string };
  spec: RestoreBatchSpec;
}

/** Pure: how a member is named on the command line: its alias, else its target's name. */
export function memberLabel(member: BackupMember): string {
  return member.target.alias ?? member.target.ref.name;
}

/**
 * Pure: the snapshot each member restores, by member index ("latest" unless given). `--snapshot ID` names
 * the snapshot of a one-member batch; `--snapshot MEMBER=ID` one member's (members have their own
 * repositories, so one snapshot id belongs to one member).
 */
export function chooseSnapshots(members: readonly BackupMember[], choices: readonly string[]): string[] {
  const chosen = members.map(() => LATEST);
  for (const choice of choices) {
    const at = choice.indexOf('=');
    if (at < 0) {
      if (members.length !== 1) {
        throw new UsageError(`the batch has ${members.length} members, each with its own repository: say whose snapshot ${choice} is with --snapshot MEMBER=${choice} (members: ${members.map(memberLabel).join(', ')})`);
      }
      chosen[0] = choice;
      continue;
    }
    const [label, id] = [choice.slice(0, at), choice.slice(at + 1)];
    const index = members.findIndex((member) => memberLabel(member) === label || member.target.ref.name === label);
    if (index < 0) throw new UsageError(`--snapshot ${choice}: the batch has no member "${label}" (members: ${members.map(memberLabel).join(', ')})`);
    if (!id) throw new UsageError(`--snapshot ${choice}: no snapshot id after "="`);
    chosen[index] = id;
  }
  return chosen;
}

/** Pure: Stash's restore task for a backup task: mysql-backup-8.0.21 → mysql-restore-8.0.21. */
export function restoreTask(task: TaskRef | undefined): TaskRef | undefined {
  return task && { ...task, name: task.name.replace(/-backup(?=-|$)/, '-restore') };
}

function restoreMember(member: BackupMember, snapshot: string): RestoreMember {
  const { alias, ref, volumeMounts, replicas, args } = member.target;
  const task = restoreTask(member.task);
  return {
    target: { ...(alias && { alias }), ref, ...(volumeMounts && { volumeMounts }), ...(replicas !== undefined && { replicas }), ...(args && { args }), rules: [{ snapshots: [snapshot] }] },
    ...(task && { task }),
    ...(member.runtimeSettings && { runtimeSettings: member.runtimeSettings }),
    ...(member.tempDir && { tempDir: member.tempDir }),
    ...(member.interimVolumeTemplate && { interimVolumeTemplate: member.interimVolumeTemplate }),
  };
}

/** Pure: a RestoreBatch mirroring the batch's members (same repository and order), each with its snapshot. */
export function restoreBatchFor(batch: BackupBatch, options: { name: string; snapshots: readonly string[] }): NewRestoreBatch {
  const members = batch.spec.members ?? [];
  if (members.length === 0) throw new UsageError(`BackupBatch ${batch.metadata.name} has no members to restore`);
  const chosen = chooseSnapshots(members, options.snapshots);
  const { repository, executionOrder, timeOut, driver } = batch.spec;
  return {
    apiVersion: RESOURCES.restoreBatch.apiVersion,
    kind: RESOURCES.restoreBatch.kind,
    metadata: {
      name: options.name,
      namespace: batch.metadata.namespace!,
      labels: { 'restash.dev/restored-from': batch.metadata.name! },
    },
    spec: {
      ...(repository && { repository }),
      ...(executionOrder && { executionOrder }),
      ...(timeOut && { timeOut }),
      ...(driver && { driver }),
      members: members.map((member, index) => restoreMember(member, chosen[index]!)),
    },
  };
}

/** Pure: `<batch>-restore-<unix seconds>`. */
export function restoreBatchName(batchName: string, now: Date): string {
  return `${batchName}-restore-${Math.floor(now.getTime() / 1000)}`;
}
