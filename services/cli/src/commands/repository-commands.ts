import { RESOURCES, type BackupBatch, type Repository, type RepositorySpec, type RepositoryStatus } from '@restash/api';
import { apiStatusCode, CustomResources } from '@restash/kube';
import { Restic, ResticError, resticRepositoryFor, type Snapshot } from '@restash/restic';
import { CommandError } from '../cli-errors.js';
import { formatTime } from '../format/age.js';
import { renderTable } from '../format/table.js';
import { backendAccess, memberPaths, type MemberPath } from '../plan/member-repositories.js';
import { apiCall, type CommandContext, type CommandResult } from './command-context.js';

interface MemberRestic {
  member: MemberPath;
  restic: Restic;
  url: string;
}

/** The Repository, the batches that may use it, and a restic for each member repository reachable from here. */
async function memberRestics(context: CommandContext): Promise<{ repository: Repository; members: MemberRestic[] }> {
  const { namespace, args } = context;
  const where = `Repository ${namespace}/${args.name}`;
  const repository = await apiCall(context, where, () => new CustomResources<RepositorySpec, RepositoryStatus>(context.kube, RESOURCES.repository).get(namespace, args.name));
  const access = backendAccess(repository, context.pathExists);
  if (!access.reachable) throw new CommandError(access.reason);
  const secretName = repository.spec.backend.storageSecretName;
  if (!secretName) throw new CommandError(`${where} has no storageSecretName: restic needs the Secret's RESTIC_PASSWORD`);
  const secret = await apiCall(context, `storage Secret ${namespace}/${secretName}`, () => context.kube.core.readNamespacedSecret({ namespace, name: secretName }));
  const secretData = Object.fromEntries(Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')]));
  const batches = await batchesThatMayUse(context);
  const members = memberPaths(repository, batches).map((member) => {
    const resticRepository = resticRepositoryFor({ backend: access.backend, target: member, secretData, secretName });
    return { member, restic: new Restic(resticRepository, { noCache: true }), url: resticRepository.redactedUrl };
  });
  return { repository, members };
}

/** Batches of every namespace (a Repository may serve others), or of its own when listing all is forbidden. */
async function batchesThatMayUse(context: CommandContext): Promise<BackupBatch[]> {
  const batches = new CustomResources(context.kube, RESOURCES.backupBatch);
  try {
    return (await batches.list()) as BackupBatch[];
  } catch (error) {
    if (apiStatusCode(error) !== 403) throw error;
    return (await apiCall(context, `BackupBatches in ${context.namespace}`, () => batches.list(context.namespace))) as BackupBatch[];
  }
}

function noMembers(repository: Repository): CommandResult {
  return { data: [], table: `no member repositories: no BackupBatch uses Repository ${repository.metadata.namespace}/${repository.metadata.name} and its status names none` };
}

/** A member repository that restic cannot open because nothing was backed up to it yet is not a failure. */
function isMissingRepository(error: unknown): boolean {
  return error instanceof ResticError && error.reason === 'repository-not-found';
}

function resticMessage(error: unknown): string {
  if (error instanceof ResticError && error.reason === 'binary-not-found') return 'restic is not installed on this machine (it must be on PATH)';
  return error instanceof Error ? error.message : String(error);
}

interface MemberSnapshots {
  member: string;
  repository: string;
  snapshots: Snapshot[];
  note?: string;
  error?: string;
}

/** `snapshots <repository>`: each member repository's restic snapshots. */
export async function snapshots(context: CommandContext): Promise<CommandResult> {
  const { repository, members } = await memberRestics(context);
  if (members.length === 0) return noMembers(repository);
  const results: MemberSnapshots[] = [];
  for (const { member, restic, url } of members) {
    try {
      results.push({ member: member.path, repository: url, snapshots: await restic.snapshots() });
    } catch (error) {
      results.push({ member: member.path, repository: url, snapshots: [], ...(isMissingRepository(error) ? { note: 'no repository yet (nothing backed up)' } : { error: resticMessage(error) }) });
    }
  }
  const rows = results.flatMap((result) =>
    result.snapshots.length
      ? result.snapshots.map((s) => [result.member, s.shortId, formatTime(s.time), s.hostname, s.paths.join(','), ''])
      : [[result.member, '', '', '', '', result.error ? 'failed (see below)' : (result.note ?? 'no snapshots')]],
  );
  return {
    data: results,
    table: renderTable(['member', 'id', 'time', 'host', 'paths', 'note'], rows),
    problems: results.filter((r) => r.error).map((r) => `${r.member}: ${r.error}`),
  };
}

/** `unlock <repository>`: restic unlock (stale locks, or all with --remove-all) in each member repository. */
export async function unlock(context: CommandContext): Promise<CommandResult> {
  const { repository, members } = await memberRestics(context);
  if (members.length === 0) return noMembers(repository);
  const results: Array<{ member: string; result: string; error?: string }> = [];
  for (const { member, restic } of members) {
    try {
      await restic.unlock({ removeAll: context.args.removeAll });
      results.push({ member: member.path, result: context.args.removeAll ? 'all locks removed' : 'stale locks removed' });
    } catch (error) {
      if (isMissingRepository(error)) results.push({ member: member.path, result: 'no repository yet' });
      else results.push({ member: member.path, result: 'failed', error: resticMessage(error) });
    }
  }
  return {
    data: results,
    table: renderTable(['member', 'result'], results.map((r) => [r.member, r.result])),
    problems: results.filter((r) => r.error).map((r) => `${r.member}: ${r.error}`),
  };
}
