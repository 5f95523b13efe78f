import { EnvReader } from '@restash/config';
import { RESTORE_SPEC_FILE } from '@restash/events';

/** What the `stash-init` container learns from its environment (the injector sets it, mostly from the downward API). */
export interface RestoreInitSettings {
  podName: string;
  nodeName: string | undefined;
  specFile: string;
  /** The RestoreBatch the pod template was changed for: a spec file of another one is stale. */
  restoreUid: string | undefined;
}

export function loadRestoreInitSettings(env = new EnvReader()): RestoreInitSettings {
  return {
    podName: env.string('POD_NAME'),
    nodeName: env.optionalString('NODE_NAME'),
    specFile: env.string('RESTASH_RESTORE_FILE', RESTORE_SPEC_FILE),
    restoreUid: env.optionalString('RESTORE_UID'),
  };
}
