import type { JsMsg } from '@nats-io/jetstream';
import { BaseRpcContext } from '@nestjs/microservices';

/** What a handler can learn about the JetStream message it is processing (via @Ctx()). */
export class JetStreamContext extends BaseRpcContext<[JsMsg]> {
  getMessage(): JsMsg {
    return this.args[0];
  }
  getSubject(): string {
    return this.args[0].subject;
  }
  getDeliveryCount(): number {
    return this.args[0].info.deliveryCount;
  }
}
