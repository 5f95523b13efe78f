import type { Static } from '@sinclair/typebox';
import { MemberRunSpecSchema } from './member-run-spec.js';

/**
 * One member's restic repository, resolved: which Repository object it comes from, the member's path
 * inside its backend and what restic needs to open it. A Job runner gets it inside its run spec; the
 * `stash` sidecar reads it from the file the injector's Secret mounts (AGENT_REPOSITORY_FILE).
 */
export const MemberRepositorySchema = MemberRunSpecSchema.properties.repository;
export type MemberRepository = Static<typeof MemberRepositorySchema>;
