import { MemberRunSpecSchema, parseMessage, type MemberRunSpec } from '@restash/events';
import { secretScrubber } from '@restash/observability';

export const RUN_SPEC_ENV = 'RESTASH_RUN_SPEC';

/** The run spec the executor put in this pod's environment; its secrets are remembered for scrubbing. */
export function readRunSpec(env: NodeJS.ProcessEnv = process.env): MemberRunSpec {
  const raw = env[RUN_SPEC_ENV];
  if (!raw) throw new Error(`${RUN_SPEC_ENV} is not set: this entry point runs inside a Job the executor creates`);
  const spec = parseMessage(MemberRunSpecSchema, JSON.parse(raw), 'run spec');
  const { restic } = spec.repository;
  secretScrubber.remember(restic.password, ...Object.values(restic.env), ...Object.values(restic.files ?? {}));
  if (spec.source.type === 'database') secretScrubber.remember(spec.source.connection.password);
  return spec;
}
