import type { V1PersistentVolumeClaim, V1Pod } from '@kubernetes/client-node';
import { readConfig } from './config.js';
import { describeError, jsonLogger } from './json-logger.js';
import { runningExecs } from './kubelet-api/exec-session.js';
import { KubeletServer } from './kubelet-api/kubelet-server.js';
import { KubeClients } from './kube/kube-clients.js';
import { startResilientInformer } from './kube/resilient-informer.js';
import { addPodNetworkRoute, removePodNetworkRoute } from './network/local-route.js';
import { PodIPPool } from './network/pod-ip-pool.js';
import type { NodeContext } from './node-context.js';
import { NodeHeartbeat, machineFacts } from './node/node-heartbeat.js';
import { nodeAllocatable } from './node/node-object.js';
import { PodEvents } from './pods/pod-events.js';
import { PodSupervisor } from './pods/pod-supervisor.js';
import { stopLeftoverPodProcesses } from './runtime/leftover-processes.js';
import { newestPostgresBinDir } from './runtime/postgres-install.js';
import { signalGroup } from './runtime/process-groups.js';
import { StackLayout } from './runtime/stack-layout.js';
import { PodBinder } from './scheduling/pod-binder.js';
import { ClaimVolumes } from './volumes/claim-volumes.js';

const log = jsonLogger({ component: 'local-node' });
const shutdownGraceMs = 8_000;

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error('the local node must run as root: it creates mount namespaces and bind mounts for pod volumes (unshare/mount/nsenter)');
  }
  const config = readConfig(process.env);
  const layout = new StackLayout(config.stackDir);
  await stopLeftoverPodProcesses(layout.pidsDir, log);
  addPodNetworkRoute(config.podNetwork);

  const clients = KubeClients.fromFile(config.kubeconfigPath);
  const machine = machineFacts();
  let shuttingDown = false;
  const events = new PodEvents(config.nodeName, clients, log);
  const ctx: NodeContext = {
    config,
    layout,
    clients,
    log,
    ipPool: new PodIPPool(config.podNetwork),
    events,
    allocatable: nodeAllocatable(machine),
    apiServer: clients.apiServer(),
    postgresBinDir: newestPostgresBinDir(),
    shuttingDown: () => shuttingDown,
  };
  const pods = new PodSupervisor(ctx, new PodBinder(config.nodeName, clients, events, log));
  const kubelet = new KubeletServer(ctx, pods);
  await kubelet.listen();
  const heartbeat = new NodeHeartbeat(config, clients, machine, log);
  await retry(() => heartbeat.register(), 'node registration');

  const claims = new ClaimVolumes(ctx);
  claims.start();
  const informers = [
    startResilientInformer<V1PersistentVolumeClaim>(
      clients.config,
      '/api/v1/persistentvolumeclaims',
      () => clients.core.listPersistentVolumeClaimForAllNamespaces(),
      { upsert: (c) => claims.upsert(c), remove: (c) => claims.remove(c) },
      log,
    ),
    startResilientInformer<V1Pod>(
      clients.config,
      '/api/v1/pods',
      () => clients.core.listPodForAllNamespaces(),
      { upsert: (p) => pods.upsert(p), remove: (p) => pods.remove(p) },
      log,
    ),
  ];
  log.info('local node running', {
    node: config.nodeName,
    kubeletPort: config.kubeletPort,
    podNetwork: config.podNetwork,
    stackDir: config.stackDir,
  });

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info('stopping: pods are stopped, nothing is restarted', { signal });
    heartbeat.stop();
    claims.stop();
    await Promise.all(informers.map((i) => i.stop().catch(() => undefined)));
    for (const pid of runningExecs) signalGroup(pid, 'SIGKILL');
    await pods.shutdown(shutdownGraceMs);
    kubelet.close();
    removePodNetworkRoute(config.podNetwork);
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function retry(action: () => Promise<void>, what: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (err) {
      if (attempt >= 60) throw err;
      log.warn(`${what} failed; retrying`, { attempt, err: describeError(err) });
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

process.on('unhandledRejection', (err) => log.error('unhandled rejection', { err: describeError(err) }));
main().catch((err: unknown) => {
  log.error('local node failed to start', { err: describeError(err) });
  process.exit(1);
});
