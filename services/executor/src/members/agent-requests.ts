import { Injectable } from '@nestjs/common';
import { agentRunSubject, type AgentRunRequest } from '@restash/events';
import { JetStreamPublisher } from '@restash/messaging';

/** Hands run requests to the workloads' `stash` sidecars over JetStream; a repeated request (same run id) is dropped. */
@Injectable()
export class AgentRequests {
  constructor(private readonly publisher: JetStreamPublisher) {}

  async publish(namespace: string, workloadUid: string, request: AgentRunRequest): Promise<void> {
    const subject = agentRunSubject({ namespace, kind: request.target.kind, name: request.target.name, uid: workloadUid }, request.host);
    await this.publisher.publish(subject, request, request.runId);
  }
}
