import { readFileSync } from 'node:fs';
import type { NatsTransport } from '@restash/config';

/** The keys of a runner's Secret that carry its NATS access (next to its spec). */
export const RUNNER_NATS_KEYS = {
  user: 'nats-user',
  password: 'nats-password',
  token: 'nats-token',
  ca: 'nats-ca.crt',
  cert: 'nats-client.crt',
  key: 'nats-client.key',
} as const;

const CREDENTIAL_ENV = [
  ['NATS_USER', RUNNER_NATS_KEYS.user],
  ['NATS_PASSWORD', RUNNER_NATS_KEYS.password],
  ['NATS_TOKEN', RUNNER_NATS_KEYS.token],
] as const;

const FILE_ENV = [
  ['NATS_TLS_CA_FILE', RUNNER_NATS_KEYS.ca],
  ['NATS_TLS_CERT_FILE', RUNNER_NATS_KEYS.cert],
  ['NATS_TLS_KEY_FILE', RUNNER_NATS_KEYS.key],
] as const;

/** A container env var, shaped as client-node's V1EnvVar. */
export interface RunnerEnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef: { name: string; key: string; optional?: boolean } };
}

/**
 * The Secret entries (plain text) that give runner pods (Jobs, the `stash` sidecar, `stash-init`) the
 * NATS access of this service: its credentials and the contents of its TLS files. Runner pods live in
 * the workloads' namespaces, where the service's own Secret cannot be referenced, so the entries are
 * copied into the runner's Secret there, and the pod spec only refers to them.
 */
export function runnerNatsSecretData(transport: NatsTransport): Record<string, string> {
  const { user, password, token, tls } = transport;
  const files = { [RUNNER_NATS_KEYS.ca]: tls?.caFile, [RUNNER_NATS_KEYS.cert]: tls?.certFile, [RUNNER_NATS_KEYS.key]: tls?.keyFile };
  const entries: Array<[string, string | undefined]> = [
    [RUNNER_NATS_KEYS.user, user],
    [RUNNER_NATS_KEYS.password, password],
    [RUNNER_NATS_KEYS.token, token],
    ...Object.entries(files).map(([key, file]): [string, string | undefined] => [key, file && readFileSync(file, 'utf8')]),
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Pure: the env of a runner container for the NATS entries of its Secret `secretName`: credentials by
 * secretKeyRef (never as values in the pod spec), TLS files as paths under `mountDir`, where the pod
 * mounts that Secret (see runnerNatsFileKeys).
 */
export function runnerNatsEnv(data: Record<string, string>, secretName: string, mountDir: string, optional = false): RunnerEnvVar[] {
  return [
    ...CREDENTIAL_ENV.filter(([, key]) => key in data).map(([name, key]) => ({ name, valueFrom: { secretKeyRef: { name: secretName, key, ...(optional && { optional }) } } })),
    ...FILE_ENV.filter(([, key]) => key in data).map(([name, key]) => ({ name, value: `${mountDir}/${key}` })),
  ];
}

/** Pure: the TLS file keys of a runner's NATS entries (what a Secret volume must project). */
export function runnerNatsFileKeys(data: Record<string, string>): string[] {
  return FILE_ENV.map(([, key]) => key).filter((key) => key in data);
}
