import { MemberRunSpecSchema, parseMessage, RestoreRunSpecSchema, type MemberRepository, type MemberRunSpec, type RestoreRunSpec } from '@restash/events';
import { secretScrubber } from '@restash/observability';

export const RUN_SPEC_ENV = 'RESTASH_RUN_SPEC';

/** The backup run spec the executor put in this pod's environment; its secrets are remembered for scrubbing. */
export function readRunSpec(env: NodeJS.ProcessEnv = process.env): MemberRunSpec {
  return rememberRunSecrets(parseMessage(MemberRunSpecSchema, rawSpec(env), 'run spec'));
}

/** The restore run spec the executor put in this pod's environment; its secrets are remembered for scrubbing. */
export function readRestoreRunSpec(env: NodeJS.ProcessEnv = process.env): RestoreRunSpec {
  return rememberRunSecrets(parseMessage(RestoreRunSpecSchema, rawSpec(env), 'restore run spec'));
}

/** Remembers a spec's repository credentials and database password, so no log line or result carries them. */
export function rememberRunSecrets<T extends { repository: MemberRepository; source: { type: string; connection?: { password: string } } }>(spec: T): T {
  const { restic } = spec.repository;
  secretScrubber.remember(restic.password, ...Object.values(restic.env), ...Object.values(restic.files ?? {}));
  if (spec.source.connection) secretScrubber.remember(spec.source.connection.password);
  return spec;
}

function rawSpec(env: NodeJS.ProcessEnv): unknown {
  const raw = env[RUN_SPEC_ENV];
  if (!raw) throw new Error(`${RUN_SPEC_ENV} is not set: this entry point runs inside a Job the executor creates`);
  return JSON.parse(raw);
}
