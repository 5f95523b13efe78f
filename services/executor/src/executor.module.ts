import { Module } from '@nestjs/common';
import { KubeModule } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';
import { QueueModule } from '@restash/queue';

/** Consumes run requests, plans member runs and executes them through BullMQ. */
@Module({ imports: [KubeModule, MessagingModule.forRoot(), QueueModule] })
export class ExecutorModule {}
