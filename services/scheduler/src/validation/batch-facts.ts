import type { Repository } from '@restash/api';

/** What the API server says about the objects a (schema-valid) batch refers to. */
export interface BatchFacts {
  /** The referenced Repository; undefined when none is referenced or it does not exist. */
  repository?: Repository;
  /** The batch namespace's labels, read only when the Repository admits namespaces by selector. */
  namespaceLabels?: Record<string, string>;
  /** The backend Secret's keys that hold a value, never the values; undefined when it does not exist or was not read. */
  secretKeys?: string[];
  /** Per member, in order: whether its target exists; undefined for a kind restash does not support. */
  targetsFound: Array<boolean | undefined>;
}
