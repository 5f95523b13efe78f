import { Module } from '@nestjs/common';
import { KubeModule } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';

/** Watches batches and sessions, keeps one cron timer per active batch, emits run requests. */
@Module({ imports: [KubeModule, MessagingModule.forRoot()] })
export class SchedulerModule {}
