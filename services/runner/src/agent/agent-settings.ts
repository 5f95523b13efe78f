import { ConfigError, EnvReader, loadNatsTransport, NATS_PROTOCOLS, type NatsTransport } from '@restash/config';
import { AGENT_HTTP_PORT, AGENT_REPOSITORY_FILE, workloadHostName, type AgentWorkload } from '@restash/events';

/** What the `stash` sidecar learns from its environment (the injector sets it, mostly from the downward API). */
export interface AgentSettings {
  workload: AgentWorkload;
  podName: string;
  /** The host this pod backs up as. */
  host: string;
  /** NATS_URL with NATS_USER/NATS_PASSWORD (or NATS_TOKEN) and NATS_TLS_* from the injector's Secret. */
  nats: NatsTransport;
  repositoryFile: string;
  /** /healthz listens here: the pod's own IP when known (pods of one node may share a network). */
  httpHost: string;
  httpPort: number;
  /** How long a shutdown waits for the backup in hand before the process exits anyway (its request is then redelivered). */
  shutdownTimeoutMs: number;
}

export function loadAgentSettings(env = new EnvReader()): AgentSettings {
  const workload = { namespace: env.string('NAMESPACE'), kind: env.string('TARGET_KIND'), name: env.string('TARGET_NAME'), uid: env.string('TARGET_UID') };
  const podName = env.string('POD_NAME');
  const host = workloadHostName(workload.kind, { name: podName, nodeName: env.optionalString('NODE_NAME') });
  if (!host) throw new ConfigError(`cannot tell which host pod ${podName} of ${workload.kind} ${workload.name} backs up (StatefulSet pods need an ordinal, DaemonSet pods NODE_NAME)`);
  return {
    workload,
    podName,
    host,
    nats: loadNatsTransport(env.url('NATS_URL', NATS_PROTOCOLS), env),
    repositoryFile: env.string('RESTASH_REPOSITORY_FILE', AGENT_REPOSITORY_FILE),
    httpHost: env.string('HTTP_HOST', env.optionalString('POD_IP') ?? '0.0.0.0'),
    httpPort: env.integer('HTTP_PORT', AGENT_HTTP_PORT, { min: 0, max: 65535 }),
    shutdownTimeoutMs: env.integer('SHUTDOWN_TIMEOUT_MS', 25_000, { min: 1000 }),
  };
}
