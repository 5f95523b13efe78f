import { Module } from '@nestjs/common';
import { KubeModule } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';

/** The only writer of .status: aggregates status events into the custom resources. */
@Module({ imports: [KubeModule, MessagingModule.forRoot()] })
export class StatusModule {}
