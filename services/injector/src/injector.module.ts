import { Module } from '@nestjs/common';
import { KubeModule } from '@restash/kube';
import { MessagingModule } from '@restash/messaging';

/** Adds and removes the `stash` sidecar and `stash-init` init-container on workloads. */
@Module({ imports: [KubeModule, MessagingModule.forRoot()] })
export class InjectorModule {}
