export const STASH_GROUP = 'stash.appscode.com';
export const APPCATALOG_GROUP = 'appcatalog.appscode.com';

/** Where a custom resource lives in the API: what a client needs to address it and a CRD to declare it. */
export interface ResourceType {
  readonly group: string;
  readonly version: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
}

function resourceType(group: string, version: string, fields: Omit<ResourceType, 'group' | 'version' | 'apiVersion'>) {
  return { group, version, apiVersion: `${group}/${version}`, ...fields } satisfies ResourceType;
}

const STASH_CATEGORIES = ['stash', 'appscode', 'all'];

export const RESOURCES = {
  repository: resourceType(STASH_GROUP, 'v1alpha1', {
    kind: 'Repository',
    plural: 'repositories',
    singular: 'repository',
    shortNames: ['repo'],
    categories: STASH_CATEGORIES,
  }),
  backupBatch: resourceType(STASH_GROUP, 'v1beta1', {
    kind: 'BackupBatch',
    plural: 'backupbatches',
    singular: 'backupbatch',
    shortNames: ['bb'],
    categories: STASH_CATEGORIES,
  }),
  backupSession: resourceType(STASH_GROUP, 'v1beta1', {
    kind: 'BackupSession',
    plural: 'backupsessions',
    singular: 'backupsession',
    shortNames: ['bs'],
    categories: STASH_CATEGORIES,
  }),
  restoreBatch: resourceType(STASH_GROUP, 'v1beta1', {
    kind: 'RestoreBatch',
    plural: 'restorebatches',
    singular: 'restorebatch',
    shortNames: [],
    categories: STASH_CATEGORIES,
  }),
  appBinding: resourceType(APPCATALOG_GROUP, 'v1alpha1', {
    kind: 'AppBinding',
    plural: 'appbindings',
    singular: 'appbinding',
    shortNames: ['app'],
    categories: ['catalog', 'appscode', 'all'],
  }),
} as const;
