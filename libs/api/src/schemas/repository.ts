import { Type, type Static } from '@sinclair/typebox';
import { RESOURCES } from '../resource-types.js';
import { DateTime } from './date-time.js';
import { kubeObjectSchema, type KubeObject } from './kube-object.js';
import { LabelSelectorSchema } from './label-selector.js';
import { TypedObjectRefSchema } from './object-ref.js';
import { OpenObject } from './open-object.js';
import { StringEnum } from './string-enum.js';

const prefix = () => Type.Optional(Type.String());
const maxConnections = () => Type.Optional(Type.Integer({ format: 'int64', minimum: 0 }));

/** A directory of a core volume (hostPath, persistentVolumeClaim, nfs, … inline) mounted at mountPath. */
export const LocalBackendSchema = OpenObject({
  mountPath: Type.String(),
  subPath: Type.Optional(Type.String()),
  hostPath: Type.Optional(OpenObject({ path: Type.String(), type: Type.Optional(Type.String()) })),
  persistentVolumeClaim: Type.Optional(
    OpenObject({ claimName: Type.String(), readOnly: Type.Optional(Type.Boolean()) }),
  ),
  nfs: Type.Optional(
    OpenObject({ server: Type.String(), path: Type.String(), readOnly: Type.Optional(Type.Boolean()) }),
  ),
});
export type LocalBackend = Static<typeof LocalBackendSchema>;

export const S3BackendSchema = Type.Object({
  endpoint: Type.Optional(Type.String()),
  bucket: Type.String(),
  prefix: prefix(),
  region: Type.Optional(Type.String()),
  insecureTLS: Type.Optional(Type.Boolean()),
});
export type S3Backend = Static<typeof S3BackendSchema>;

export const GcsBackendSchema = Type.Object({ bucket: Type.String(), prefix: prefix(), maxConnections: maxConnections() });
export type GcsBackend = Static<typeof GcsBackendSchema>;

export const AzureBackendSchema = Type.Object({
  container: Type.String(),
  prefix: prefix(),
  maxConnections: maxConnections(),
});
export type AzureBackend = Static<typeof AzureBackendSchema>;

export const SwiftBackendSchema = Type.Object({ container: Type.String(), prefix: prefix() });
export type SwiftBackend = Static<typeof SwiftBackendSchema>;

export const B2BackendSchema = Type.Object({ bucket: Type.String(), prefix: prefix(), maxConnections: maxConnections() });
export type B2Backend = Static<typeof B2BackendSchema>;

export const RestBackendSchema = Type.Object({ url: Type.String() });
export type RestBackend = Static<typeof RestBackendSchema>;

export const BACKEND_PROVIDERS = ['local', 's3', 'gcs', 'azure', 'swift', 'b2', 'rest'] as const;
export type BackendProvider = (typeof BACKEND_PROVIDERS)[number];

/** Exactly one provider must be set; that rule is checked by validateRepository, not the CRD. */
export const BackendSchema = Type.Object({
  storageSecretName: Type.Optional(Type.String()),
  local: Type.Optional(LocalBackendSchema),
  s3: Type.Optional(S3BackendSchema),
  gcs: Type.Optional(GcsBackendSchema),
  azure: Type.Optional(AzureBackendSchema),
  swift: Type.Optional(SwiftBackendSchema),
  b2: Type.Optional(B2BackendSchema),
  rest: Type.Optional(RestBackendSchema),
});
export type Backend = Static<typeof BackendSchema>;

export const NAMESPACE_SELECTIONS = ['All', 'Same', 'Selector'] as const;
export type NamespaceSelection = (typeof NAMESPACE_SELECTIONS)[number];

export const UsagePolicySchema = Type.Object({
  allowedNamespaces: Type.Optional(
    Type.Object({
      from: Type.Optional(StringEnum(NAMESPACE_SELECTIONS, { default: 'Same' })),
      selector: Type.Optional(LabelSelectorSchema),
    }),
  ),
});
export type UsagePolicy = Static<typeof UsagePolicySchema>;

export const RepositorySpecSchema = Type.Object({
  backend: BackendSchema,
  wipeOut: Type.Optional(Type.Boolean({ description: 'Delete backed-up data when the Repository is deleted.' })),
  usagePolicy: Type.Optional(UsagePolicySchema),
});
export type RepositorySpec = Static<typeof RepositorySpecSchema>;

/** One member's own restic repository (`<target kind>/<target name>` under the backend). */
export const RepositoryMemberStatusSchema = Type.Object({
  path: Type.String({ description: 'The member repository relative to the backend: <target kind>/<target name>.' }),
  totalSize: Type.String({ description: 'Size in human units, e.g. 12.560 MiB.' }),
  totalSizeBytes: Type.Integer({ format: 'int64', minimum: 0 }),
  snapshotCount: Type.Integer({ format: 'int64', minimum: 0 }),
  snapshotsRemovedOnLastCleanup: Type.Optional(Type.Integer({ format: 'int64', minimum: 0 })),
  integrity: Type.Optional(Type.Boolean()),
  lastBackupTime: Type.Optional(DateTime({ description: 'The latest successful backup of this member.' })),
  session: Type.Optional(Type.String({ description: 'The BackupSession that reported these numbers.' })),
  reportedAt: Type.Optional(DateTime({ description: 'When these numbers were reported.' })),
});
export type RepositoryMemberStatus = Static<typeof RepositoryMemberStatusSchema>;

export const RepositoryStatusSchema = Type.Object({
  observedGeneration: Type.Optional(Type.Integer({ format: 'int64' })),
  firstBackupTime: Type.Optional(DateTime()),
  lastBackupTime: Type.Optional(DateTime()),
  integrity: Type.Optional(Type.Boolean()),
  totalSize: Type.Optional(Type.String({ description: 'Repository size in human units, e.g. 12.560 MiB.' })),
  snapshotCount: Type.Optional(Type.Integer({ format: 'int64' })),
  snapshotsRemovedOnLastCleanup: Type.Optional(Type.Integer({ format: 'int64' })),
  references: Type.Optional(Type.Array(TypedObjectRefSchema)),
  members: Type.Optional(
    Type.Array(RepositoryMemberStatusSchema, {
      description: 'restash extension: per-member repository numbers that the totals above add up.',
    }),
  ),
});
export type RepositoryStatus = Static<typeof RepositoryStatusSchema>;

export const RepositorySchema = kubeObjectSchema(RESOURCES.repository, RepositorySpecSchema, RepositoryStatusSchema);
export type Repository = KubeObject<RepositorySpec, RepositoryStatus>;
