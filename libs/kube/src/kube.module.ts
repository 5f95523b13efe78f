import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@restash/service-runtime';
import { KubeClient } from './kube-client.js';

/** Provides the KubeClient to every module and reports API-server reachability in /readyz. */
@Global()
@Module({
  providers: [{ provide: KubeClient, useFactory: () => new KubeClient() }],
  exports: [KubeClient],
})
export class KubeModule implements OnModuleInit {
  constructor(
    private readonly kube: KubeClient,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('kubernetes', () => this.kube.ping());
  }
}
