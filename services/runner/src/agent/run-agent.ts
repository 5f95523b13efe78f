import { backupProgressId, SUBJECTS, sessionEventId, type BackupProgressEvent, type HostResult } from '@restash/events';
import { JetStreamPublisher, NatsConnectionHolder } from '@restash/messaging';
import type { Logger } from '@restash/observability';
import { startAgentConsumer } from './agent-consumer.js';
import { AgentRequestHandler } from './agent-request-handler.js';
import { loadAgentSettings } from './agent-settings.js';
import { startHealthServer } from './health-server.js';

/**
 * The long-running entry point of the `stash` sidecar: takes this host's run requests from NATS and
 * backs the pod's volumes up, until SIGTERM/SIGINT. Shutting down, it stops taking requests and lets
 * the backup in hand finish (or, past the timeout, leaves its request to be redelivered).
 */
export async function runAgent(logger: Logger): Promise<number> {
  const settings = loadAgentSettings();
  const log = logger.child({ workload: `${settings.workload.kind}/${settings.workload.namespace}/${settings.workload.name}`, host: settings.host });
  const nats = await NatsConnectionHolder.open(settings.nats, `agent/${settings.podName}`, log);
  const publisher = new JetStreamPublisher(nats);
  const publish = async (event: HostResult) => {
    await publisher.publish(SUBJECTS.sessionStatus, event, sessionEventId(event));
  };
  const progress = (event: BackupProgressEvent) => void publisher.publish(SUBJECTS.backupProgress, event, backupProgressId(event)).catch(() => undefined);
  const handler = new AgentRequestHandler(settings, publish, log, progress);
  const consumer = await startAgentConsumer(nats, settings, (data) => handler.handle(data), log);
  let stopping = false;
  const health = await startHealthServer(settings.httpHost, settings.httpPort, () => !stopping && !nats.connection.isClosed());
  log.info({ port: settings.httpPort }, 'agent ready');

  const signal = await shutdownSignal();
  stopping = true;
  log.info({ signal }, 'shutting down');
  const drained = await withinTimeout(consumer.close(), settings.shutdownTimeoutMs);
  if (!drained) log.warn({ timeoutMs: settings.shutdownTimeoutMs }, 'a backup is still running; its request will be redelivered');
  health.close();
  await nats.close();
  return 0;
}

function shutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

async function withinTimeout(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const done = work.then(() => true as const);
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
