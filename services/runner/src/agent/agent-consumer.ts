import { createHash } from 'node:crypto';
import { agentRunSubject } from '@restash/events';
import { JetStreamServer, STREAM_MAX_AGE_MS, type ConsumerSettings, type NatsConnectionHolder } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import type { AgentSettings } from './agent-settings.js';

/**
 * One backup at a time; a long backup keeps its message with progress acks, a dead sidecar's request goes to another replica.
 * The consumer of a workload that is gone (its subject carries the workload's uid) is deleted by the server once it has been
 * idle as long as the stream keeps messages, after which it could not deliver anything anyway.
 */
const CONSUMER_SETTINGS: Partial<ConsumerSettings> = { concurrency: 1, maxDeliver: 3, ackWaitMs: 60_000, inactiveThresholdMs: STREAM_MAX_AGE_MS };

/**
 * The sidecar's durable pull consumer on its host's subject, through the shared JetStream transport
 * (ack after the handler, redelivery with back-off, dead letters). Replicas serving the same host
 * share it, so exactly one takes each request.
 */
export async function startAgentConsumer(
  nats: NatsConnectionHolder,
  settings: AgentSettings,
  handle: (data: unknown) => Promise<void>,
  logger: Logger,
): Promise<JetStreamServer> {
  const subject = agentRunSubject(settings.workload, settings.host);
  const server = new JetStreamServer(nats, { service: agentConsumerService(subject), logger, settings: CONSUMER_SETTINGS });
  server.addHandler(subject, handle, true);
  await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
  return server;
}

/**
 * The transport names a durable `<service>-<subject with . as ->`; a short hash of the subject keeps
 * two subjects that differ only in `.` against `-` (`a-b.c` and `a.b-c`) on separate consumers.
 */
export function agentConsumerService(subject: string): string {
  return `agent-${createHash('sha256').update(subject).digest('hex').slice(0, 8)}`;
}
