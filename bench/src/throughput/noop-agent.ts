import { AgentRunRequestSchema, parseMessage, sessionEventId, SUBJECTS, subjectToken, type HostResult } from '@restash/events';
import { durableName, JetStreamPublisher, JetStreamServer, STREAMS, type NatsConnectionHolder } from '@restash/messaging';
import type { Logger } from '@restash/observability';

const SERVICE = 'bench-noop-agent';

/**
 * The trivial member's `stash` sidecar: takes the run requests for every workload host of a namespace
 * from their real subjects (the shared JetStream transport, as the agent does) and reports each host
 * Succeeded at once. The member's own work is nothing, so what is measured is restash's orchestration.
 */
export class NoopAgent {
  /** `<session>/<kind>/<name>/<host>` → when its result was published (this machine's clock). */
  readonly finishedAt = new Map<string, number>();
  private readonly publisher: JetStreamPublisher;

  private constructor(
    private readonly nats: NatsConnectionHolder,
    private readonly server: JetStreamServer,
    private readonly subject: string,
  ) {
    this.publisher = new JetStreamPublisher(nats);
  }

  static async start(nats: NatsConnectionHolder, namespace: string, logger: Logger): Promise<NoopAgent> {
    // Every host of every workload of the namespace: agentRunSubject() is `restash.runs.agent.<namespace>.<kind>.<name>.<uid>.<host>`.
    const subject = `restash.runs.agent.${subjectToken(namespace)}.>`;
    const server = new JetStreamServer(nats, { service: SERVICE, logger, settings: { concurrency: 64, maxDeliver: 3 } });
    const agent = new NoopAgent(nats, server, subject);
    server.addHandler(subject, (data: unknown) => agent.handle(data), true);
    await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
    return agent;
  }

  async stop(): Promise<void> {
    await this.server.close();
    await this.nats.manager.consumers.delete(STREAMS.runs.name, durableName(SERVICE, this.subject)).catch(() => undefined);
  }

  private async handle(data: unknown): Promise<void> {
    const request = parseMessage(AgentRunRequestSchema, data, 'agent run request');
    const finishedAt = new Date();
    const event: HostResult = {
      type: 'host-result',
      session: request.session,
      target: request.target,
      result: { hostname: request.host, phase: 'Succeeded', duration: '0s', snapshots: [] },
      finishedAt: finishedAt.toISOString(),
    };
    await this.publisher.publish(SUBJECTS.sessionStatus, event, sessionEventId(event));
    this.finishedAt.set(`${request.session.name}/${request.target.kind}/${request.target.name}/${request.host}`, finishedAt.getTime());
  }
}
