import { RestoreRuleSchema, TargetRefSchema } from '@restash/api';
import { Type, type Static } from '@sinclair/typebox';
import { DatabaseSourceSchema, MemberRunSpecSchema } from './member-run-spec.js';
import { ObjectIdentitySchema } from './object-identity.js';

/** Files go back where they were backed up from (restic restores to `/`), so they need no more than the rules. */
export const FilesRestoreSourceSchema = Type.Object({ type: Type.Literal('files') });

/**
 * What the `stash-init` container of a workload restores, the same for each of its hosts: the injector
 * writes it into the Secret the container mounts (RESTORE_SPEC_FILE); each pod adds its own host.
 */
export const WorkloadRestoreSpecSchema = Type.Object({
  restore: ObjectIdentitySchema,
  target: TargetRefSchema,
  repository: MemberRunSpecSchema.properties.repository,
  source: Type.Union([FilesRestoreSourceSchema, DatabaseSourceSchema]),
  /** The member's rules (API.md): which snapshots of which source host go to which hosts. */
  rules: Type.Array(RestoreRuleSchema),
  natsUrl: Type.String(),
});

/**
 * Everything a one-shot runner needs to restore one host of one member, without API access: the
 * executor resolves the Repository, its Secret and the AppBinding into a Secret owned by the RestoreBatch.
 */
export const RestoreRunSpecSchema = Type.Composite([
  WorkloadRestoreSpecSchema,
  Type.Object({ runId: Type.String(), host: Type.String() }),
]);

export type WorkloadRestoreSpec = Static<typeof WorkloadRestoreSpecSchema>;
export type RestoreRunSpec = Static<typeof RestoreRunSpecSchema>;
export type RestoreSource = RestoreRunSpec['source'];

/** The `stash-init` container the injector adds to a workload's pod template to restore it before its containers start. */
export const RESTORE_INIT_CONTAINER = 'stash-init';
/** Where the injector mounts the workload's restore spec Secret, and the key (file) holding the WorkloadRestoreSpec. */
export const RESTORE_SPEC_DIR = '/etc/restash/restore';
export const RESTORE_SPEC_KEY = 'restore.json';
export const RESTORE_SPEC_FILE = `${RESTORE_SPEC_DIR}/${RESTORE_SPEC_KEY}`;

/** Member conditions the executor and the injector meet on (restash extension, like BackupExecutorEnsured; Stash's StashInitContainerInjected). */
export const RESTORE_MEMBER_CONDITIONS = {
  /** The executor started the member's restore through the init containers: the injector adds them from now on. */
  executorEnsured: 'RestoreExecutorEnsured',
  /** The injector's verdict: False stops the executor's wait with its message. */
  initContainerInjected: 'StashInitContainerInjected',
} as const;
