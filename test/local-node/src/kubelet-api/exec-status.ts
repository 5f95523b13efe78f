/** The metav1.Status a kubelet writes on the exec error channel (protocol v4 and later). */
export function execStatus(exitCode: number | null, error?: string): Record<string, unknown> {
  if (error !== undefined) return { metadata: {}, status: 'Failure', message: error, reason: 'InternalError' };
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command, exit status ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

export const execProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];

/** The first protocol we speak, in our order of preference, among those the client offers. */
export function chooseExecProtocol(offered: ReadonlySet<string>): string | false {
  return execProtocols.find((p) => offered.has(p)) ?? false;
}

export interface ExecRequest {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly command: string[];
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
  readonly tty: boolean;
}

/** `/exec/{namespace}/{pod}/{container}?command=…&input=1&output=1&error=1&tty=0`, as the API server sends it. */
export function parseExecPath(url: URL): ExecRequest | undefined {
  const match = /^\/exec\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return undefined;
  const flag = (name: string) => ['1', 'true'].includes(url.searchParams.get(name) ?? '');
  return {
    namespace: decodeURIComponent(match[1]!),
    pod: decodeURIComponent(match[2]!),
    container: decodeURIComponent(match[3]!),
    command: url.searchParams.getAll('command'),
    stdin: flag('input') || flag('stdin'),
    stdout: flag('output') || flag('stdout'),
    stderr: flag('error') || flag('stderr'),
    tty: flag('tty'),
  };
}
