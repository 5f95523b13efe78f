import { RESOURCES, type BackupBatch, type BackupBatchSpec, type BackupBatchStatus, type BackupSession, type BackupSessionSpec, type BackupSessionStatus } from '@restash/api';
import { CustomResources, isAlreadyExists } from '@restash/kube';
import { stringify } from 'yaml';
import { instantSession } from '../plan/instant-session.js';
import { restoreBatchFor, restoreBatchName } from '../plan/restore-batch.js';
import { INVOKER_NAME_LABEL, latestSessions, statusReport } from '../plan/session-report.js';
import { apiCall, type CommandContext, type CommandResult } from './command-context.js';

const MAX_TRIGGERS_PER_SECOND = 10;

const batches = (context: CommandContext) => new CustomResources<BackupBatchSpec, BackupBatchStatus>(context.kube, RESOURCES.backupBatch);

function readBatch(context: CommandContext): Promise<BackupBatch> {
  const { namespace, args } = context;
  return apiCall(context, `BackupBatch ${namespace}/${args.name}`, () => batches(context).get(namespace, args.name));
}

/** `trigger <batch>`: an instant BackupSession; prints its name. */
export async function trigger(context: CommandContext): Promise<CommandResult> {
  const batch = await readBatch(context);
  const now = context.now();
  const sessions = new CustomResources<BackupSessionSpec, BackupSessionStatus>(context.kube, RESOURCES.backupSession);
  for (let attempt = 1; ; attempt++) {
    const session = instantSession(batch, now, attempt);
    const taken = (error: unknown) => isAlreadyExists(error) && attempt < MAX_TRIGGERS_PER_SECOND;
    const created = await apiCall(context, `BackupSession ${context.namespace}/${session.metadata.name}`, () =>
      sessions.create(session).catch((error: unknown) => (taken(error) ? undefined : Promise.reject(error))),
    );
    if (created) return { data: created, table: created.metadata.name! };
  }
}

/** `pause <batch>` / `resume <batch>`: spec.paused. */
export async function setPaused(context: CommandContext, paused: boolean): Promise<CommandResult> {
  await readBatch(context);
  const { namespace, args } = context;
  const patched = await apiCall(context, `BackupBatch ${namespace}/${args.name}`, () => batches(context).patch(namespace, args.name, { spec: { paused } }));
  return { data: patched, table: `backupbatch/${args.name} ${paused ? 'paused' : 'resumed'}` };
}

/** `status <batch>`: the last sessions, their members and hosts. */
export async function status(context: CommandContext): Promise<CommandResult> {
  const batch = await readBatch(context);
  const sessions = new CustomResources<BackupSessionSpec, BackupSessionStatus>(context.kube, RESOURCES.backupSession);
  const listed = await apiCall(context, `BackupSessions of ${context.namespace}/${batch.metadata.name}`, () =>
    sessions.list(context.namespace, { labelSelector: `${INVOKER_NAME_LABEL}=${batch.metadata.name}` }),
  );
  return statusReport(batch, latestSessions(listed as BackupSession[], batch.metadata.name!, context.args.limit), context.now());
}

/** `restore <batch>`: a RestoreBatch of the batch's members (printed instead with --dry-run). */
export async function restore(context: CommandContext): Promise<CommandResult> {
  const batch = await readBatch(context);
  const name = context.args.restoreName ?? restoreBatchName(batch.metadata.name!, context.now());
  const manifest = restoreBatchFor(batch, { name, snapshots: context.args.snapshots });
  if (context.args.dryRun) return { data: manifest, table: stringify(manifest, { lineWidth: 0 }) };
  const restores = new CustomResources(context.kube, RESOURCES.restoreBatch);
  const created = await apiCall(context, `RestoreBatch ${context.namespace}/${name}`, () => restores.create(manifest));
  return { data: created, table: `restorebatch/${name} created` };
}
