import type { RequestOptions } from 'node:https';
import { KubeConfig, type RequestContext } from '@kubernetes/client-node';

type Dispatcher = NonNullable<ReturnType<RequestContext['getDispatcher']>>;

/**
 * A KubeConfig whose API calls share one connection pool per cluster and user. client-node 2 gives
 * every call a new undici Agent (a TLS context built from the CA, and a connection of its own: a
 * handshake on both sides, left open until the idle timeout); here the first call's Agent is kept
 * and every later call goes through it, as client-go's transport cache does. Credentials are still
 * applied per call (a token read from a file stays fresh); the TLS material is read once, so a rotated
 * client certificate takes a restart, as with client-go's static transports.
 */
export class PooledKubeConfig extends KubeConfig {
  private readonly dispatchers = new Map<string, Dispatcher>();

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    const key = JSON.stringify([this.getCurrentCluster()?.name ?? '', this.getCurrentUser()?.name ?? '']);
    const shared = this.dispatchers.get(key);
    if (!shared) return this.firstCall(context, key);
    // What KubeConfig does, short of making a new Agent.
    const options: RequestOptions = {};
    await this.applyToHTTPSOptions(options);
    const user = this.getCurrentUser();
    if (user?.username) context.setHeaderParam('Authorization', `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) context.setHeaderParam(name, `${value}`);
    context.setDispatcher(shared);
  }

  private async firstCall(context: RequestContext, key: string): Promise<void> {
    await super.applySecurityAuthentication(context);
    const made = context.getDispatcher();
    if (made) this.dispatchers.set(key, made);
  }
}
