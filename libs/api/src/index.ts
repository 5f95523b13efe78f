export * from './resource-types.js';
export * from './target-kinds.js';
export * from './repository-backend.js';

export * from './schemas/string-enum.js';
export * from './schemas/string-map.js';
export * from './schemas/int-or-string.js';
export * from './schemas/open-object.js';
export * from './schemas/date-time.js';
export * from './schemas/duration-string.js';
export * from './schemas/object-ref.js';
export * from './schemas/target-ref.js';
export * from './schemas/condition.js';
export * from './schemas/volume-mount.js';
export * from './schemas/label-selector.js';
export * from './schemas/handler.js';
export * from './schemas/object-meta.js';
export * from './schemas/kube-object.js';
export * from './schemas/task-ref.js';
export * from './schemas/runtime-settings.js';
export * from './schemas/temp-dir.js';
export * from './schemas/volume-claim-template.js';
export * from './schemas/retention-policy.js';
export * from './schemas/execution-order.js';
export * from './schemas/driver.js';
export * from './schemas/repository.js';
export * from './schemas/backup-batch.js';
export * from './schemas/backup-session.js';
export * from './schemas/restore-batch.js';
export * from './schemas/app-binding.js';

export * from './values/parse-duration.js';
export * from './values/format-duration.js';
export * from './values/format-bytes.js';
export * from './values/parse-bytes.js';

export * from './validation/compile-validator.js';
export * from './validation/describe-errors.js';
export * from './validation/validators.js';

export * from './crd/structural-schema.js';
export * from './crd/build-crd.js';
export * from './crd/crd-definitions.js';
export * from './crd/crd-files.js';
export * from './crd/crd-drift.js';
export * from './label-selector-match.js';
export * from './repository-access.js';
