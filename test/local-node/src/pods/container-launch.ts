import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { containerEnv } from '../env/container-env.js';
import { hostsFile } from '../hosts/hosts-file.js';
import { currentServiceEntries } from '../hosts/service-endpoints.js';
import type { ImageKind } from '../images/image-kind.js';
import type { NodeContext } from '../node-context.js';
import type { DatabaseDirs, DatabaseProgram } from '../runtime/database-program.js';
import { mariadbProgram } from '../runtime/mariadb-program.js';
import type { ContainerView } from '../runtime/namespace-wrapper.js';
import { postgresProgram } from '../runtime/postgres-program.js';
import { appMount, IMAGE_CLI, restashArgv, restashCli } from '../runtime/restash-command.js';
import { containerMounts } from '../volumes/mount-plan.js';
import { volumeFiles } from '../volumes/volume-files.js';
import { writeVolumeFiles } from '../volumes/volume-writer.js';
import { PodObjects } from './pod-objects.js';
import type { PodSetup } from './pod-setup.js';

/** Everything needed to start (or exec into) one container: its argv, environment and mount namespace view. */
export interface ContainerLaunch {
  /** Undefined for images the local node does not run. */
  readonly argv?: string[];
  readonly env: Record<string, string>;
  readonly view: ContainerView;
  /** Ready once this port accepts TCP on the pod IP (database images). */
  readonly readinessPort?: number;
  /** Why the container cannot start at all (reported as StartError). */
  readonly startError?: string;
  /** The image's STOPSIGNAL when it is not SIGTERM (postgres: SIGINT, a fast shutdown). */
  readonly stopSignal?: NodeJS.Signals;
}

/** Resolves env, refreshes the pod's secret/configMap/token files and /etc/hosts, and plans the process. */
export async function prepareLaunch(
  ctx: NodeContext,
  pod: V1Pod,
  setup: PodSetup,
  container: V1Container,
  kind: ImageKind,
): Promise<ContainerLaunch> {
  const objects = await PodObjects.fetch(ctx, pod, [container], setup.volumes);
  const facts = { nodeName: ctx.config.nodeName, podIP: setup.podIP, hostIP: ctx.config.hostIP };
  const env = containerEnv(pod, container, {
    facts,
    sources: objects.envSources(),
    allocatable: ctx.allocatable,
    base: baseEnv(ctx, setup),
  });
  for (const volume of setup.volumes) {
    const source = setup.sources.get(volume.name);
    if (source?.kind !== 'files') continue;
    const files = volumeFiles(pod, volume, {
      secret: (n) => objects.secret(n),
      configMap: (n) => objects.configMap(n),
      token: (spec) => objects.token(spec),
      facts,
      allocatable: ctx.allocatable,
    });
    await writeVolumeFiles(source.path, files);
  }
  await writeFile(setup.hostsFile, hostsFile(setup.podIP, setup.hostname, await currentServiceEntries(ctx)));
  const program = await programFor(ctx, pod, setup, container, kind, env);
  const mounts = containerMounts(container, setup.sources, env, [...setup.extraMounts, ...(program?.extraMounts ?? [])]);
  return {
    argv: program?.argv,
    env,
    view: { mounts, hostname: setup.hostname, workingDir: container.workingDir },
    readinessPort: program?.port,
    startError: program?.startError,
    stopSignal: kind === 'postgres' ? 'SIGINT' : undefined,
  };
}

type Program = Partial<DatabaseProgram> & { argv: string[]; startError?: string };

async function programFor(
  ctx: NodeContext,
  pod: V1Pod,
  setup: PodSetup,
  container: V1Container,
  kind: ImageKind,
  env: Record<string, string>,
): Promise<Program | undefined> {
  if (kind === 'other') return undefined;
  if (kind === 'restash') {
    const argv = restashArgv(container, env);
    const cli = restashCli(ctx.config.repoRoot);
    const startError =
      argv[0] === IMAGE_CLI && !existsSync(cli)
        ? `restash's CLI ${cli} does not exist (build it first): cannot run ${container.image}`
        : undefined;
    return { argv, startError, extraMounts: [appMount(ctx.config.repoRoot)] };
  }
  const podDir = ctx.layout.podDir(pod.metadata!.uid!);
  const dirs: DatabaseDirs = { runDir: join(podDir, 'run', container.name), defaultDataDir: join(podDir, 'data', container.name) };
  let program: DatabaseProgram;
  if (kind === 'mariadb') {
    program = mariadbProgram(container, env, setup.podIP, dirs, () => randomBytes(18).toString('base64url'));
  } else {
    if (!ctx.postgresBinDir) return { argv: [], startError: 'PostgreSQL is not installed on this machine (/usr/lib/postgresql/*/bin)' };
    program = postgresProgram(container, env, setup.podIP, dirs, ctx.postgresBinDir);
  }
  await mkdir(dirs.runDir, { recursive: true });
  await mkdir(dirs.defaultDataDir, { recursive: true });
  for (const [name, content] of Object.entries(program.runFiles)) {
    const path = join(dirs.runDir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { mode: 0o600 });
    await chmod(path, 0o600);
  }
  return program;
}

function baseEnv(ctx: NodeContext, setup: PodSetup): Record<string, string> {
  const { host, port } = ctx.apiServer;
  return {
    PATH: `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:${dirname(process.execPath)}`,
    HOME: '/root',
    HOSTNAME: setup.hostname,
    KUBERNETES_SERVICE_HOST: host,
    KUBERNETES_SERVICE_PORT: port,
    KUBERNETES_SERVICE_PORT_HTTPS: port,
    KUBERNETES_PORT: `tcp://${host}:${port}`,
  };
}
