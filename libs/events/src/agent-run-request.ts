import { RetentionPolicySchema, TargetRefSchema } from '@restash/api';
import { Type, type Static } from '@sinclair/typebox';
import { ClearLocksSchema } from './member-run-spec.js';
import { ObjectIdentitySchema } from './object-identity.js';

/**
 * Asks the `stash` sidecar of one workload host to back it up. The executor publishes it on
 * agentRunSubject() with the run id as message id. It carries no secrets: the agent reads its
 * repository from the Secret the injector mounts into the sidecar.
 */
export const AgentRunRequestSchema = Type.Object({
  runId: Type.String({ minLength: 1 }),
  session: ObjectIdentitySchema,
  target: TargetRefSchema,
  host: Type.String({ minLength: 1 }),
  paths: Type.Array(Type.String(), { minItems: 1 }),
  exclude: Type.Array(Type.String()),
  retention: Type.Optional(RetentionPolicySchema),
  /** When the executor stops waiting for the result: an agent that picks the request up later drops it. */
  expiresAt: Type.Optional(Type.String()),
  clearLocks: Type.Optional(ClearLocksSchema),
});
export type AgentRunRequest = Static<typeof AgentRunRequestSchema>;

/** The workload whose sidecars serve a subject. */
export interface AgentWorkload {
  namespace: string;
  kind: string;
  name: string;
  /** Tells a recreated workload of the same name apart, so it never receives its predecessor's requests. */
  uid: string;
}

const AGENT_SUBJECT_PREFIX = 'restash.runs.agent';

/**
 * `restash.runs.agent.<namespace>.<kind lowercased>.<name>.<uid>.<host>`: one subject per workload
 * host, so the replicas serving a host share one durable consumer and exactly one of them takes a request.
 */
export function agentRunSubject(workload: AgentWorkload, host: string): string {
  const tokens = [workload.namespace, workload.kind.toLowerCase(), workload.name, workload.uid, host].map(subjectToken);
  return [AGENT_SUBJECT_PREFIX, ...tokens].join('.');
}

/**
 * One subject token from a Kubernetes name: `.` (allowed in workload and node names, the token
 * separator in NATS) becomes `~`, which no Kubernetes name contains, so the mapping is one to one.
 */
export function subjectToken(text: string): string {
  return text.replace(/\./g, '~');
}
