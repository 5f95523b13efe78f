import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { repoRoot } from './stack-env.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

const run = promisify(execFile);

/** A throwaway CA, a server certificate it signed for 127.0.0.1/localhost and a client certificate (PEM files in `dir`). */
export interface TestPki {
  dir: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  clientCertFile: string;
  clientKeyFile: string;
}

/** A NATS (JetStream) that only speaks mutual TLS (client certificates signed by the CA) and only lets `user`/`password` in. */
export interface SecureNats {
  url: string;
  port: number;
  user: string;
  password: string;
  output: string[];
}

/** A Redis with only a mutual-TLS port, `requirepass` for the default user and an ACL user `username`/`password`. */
export interface SecureRedis {
  url: string;
  port: number;
  username: string;
  password: string;
  defaultPassword: string;
}

export interface SecureTransports {
  pki: TestPki;
  nats: SecureNats;
  redis: SecureRedis;
  /** The environment that lets a restash service use both (credentials, CA, client certificate). */
  serviceEnv(): Record<string, string>;
  stop(): Promise<void>;
}

/** Generates the CA, the server and the client certificate with openssl. */
export async function createTestPki(dir: string): Promise<TestPki> {
  const file = (name: string) => join(dir, name);
  const openssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=restash-test-ca']);
  const signed = async (name: string, subject: string, extensions: string) => {
    await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
    await writeFile(file(`${name}.ext`), extensions);
    await openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '1', '-extfile', `${name}.ext`]);
  };
  await signed('server', '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await signed('client', '/CN=restash', 'extendedKeyUsage=clientAuth\n');
  return { dir, caFile: file('ca.crt'), certFile: file('server.crt'), keyFile: file('server.key'), clientCertFile: file('client.crt'), clientKeyFile: file('client.key') };
}

/** Starts a dedicated nats-server and redis-server, both TLS-only with credentials, on free ports. */
export async function startSecureTransports(): Promise<SecureTransports> {
  const dir = await makeTempDir('secure-transports');
  const pki = await createTestPki(dir);
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await removeTempDir(dir);
  };
  try {
    const nats = await startNats(pki, children);
    const redis = await startRedis(pki, children);
    return {
      pki,
      nats,
      redis,
      serviceEnv: () => ({
        NATS_URL: nats.url,
        NATS_USER: nats.user,
        NATS_PASSWORD: nats.password,
        NATS_TLS_CA_FILE: pki.caFile,
        NATS_TLS_CERT_FILE: pki.clientCertFile,
        NATS_TLS_KEY_FILE: pki.clientKeyFile,
        REDIS_URL: redis.url,
        REDIS_USERNAME: redis.username,
        REDIS_PASSWORD: redis.password,
        REDIS_TLS_CA_FILE: pki.caFile,
        REDIS_TLS_CERT_FILE: pki.clientCertFile,
        REDIS_TLS_KEY_FILE: pki.clientKeyFile,
      }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startNats(pki: TestPki, children: ChildProcess[]): Promise<SecureNats> {
  const port = await freePort();
  const user = 'restash';
  const password = `nats-${randomBytes(12).toString('hex')}`;
  const config = join(pki.dir, 'nats.conf');
  await writeFile(
    config,
    [
      `listen: "127.0.0.1:${port}"`,
      `jetstream { store_dir: ${JSON.stringify(join(pki.dir, 'jetstream'))} }`,
      `tls { cert_file: ${JSON.stringify(pki.certFile)}, key_file: ${JSON.stringify(pki.keyFile)}, ca_file: ${JSON.stringify(pki.caFile)}, verify: true, timeout: 2 }`,
      `authorization { users: [ { user: ${JSON.stringify(user)}, password: ${JSON.stringify(password)} } ] }`,
    ].join('\n'),
  );
  const output: string[] = [];
  const child = spawn(join(repoRoot, '.cache', 'bin', 'nats-server'), ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await eventually(async () => output.join('').includes('Server is ready'), { timeoutMs: 15_000, what: `nats-server on ${port} ready` }).catch((error: Error) => {
    throw new Error(`${error.message}\n${output.join('')}`);
  });
  return { url: `tls://127.0.0.1:${port}`, port, user, password, output };
}

async function startRedis(pki: TestPki, children: ChildProcess[]): Promise<SecureRedis> {
  const port = await freePort();
  const username = 'restash';
  const password = `redis-${randomBytes(12).toString('hex')}`;
  const defaultPassword = `default-${randomBytes(12).toString('hex')}`;
  const config = join(pki.dir, 'redis.conf');
  await writeFile(
    config,
    [
      'port 0',
      'bind 127.0.0.1',
      `tls-port ${port}`,
      `tls-cert-file ${pki.certFile}`,
      `tls-key-file ${pki.keyFile}`,
      `tls-ca-cert-file ${pki.caFile}`,
      'tls-auth-clients yes',
      `requirepass ${defaultPassword}`,
      `user ${username} on >${password} ~* &* +@all`,
      `dir ${pki.dir}`,
      'save ""',
      'appendonly no',
    ].join('\n'),
  );
  const output: string[] = [];
  const child = spawn('redis-server', [config], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await eventually(async () => tlsAccepts(port, pki), { timeoutMs: 15_000, what: `redis-server TLS on ${port}` }).catch((error: Error) => {
    throw new Error(`${error.message}\n${output.join('')}`);
  });
  return { url: `rediss://127.0.0.1:${port}`, port, username, password, defaultPassword };
}

/** Whether a TLS handshake with 127.0.0.1:port succeeds, trusting the CA and showing the client certificate. */
async function tlsAccepts(port: number, pki: TestPki): Promise<boolean> {
  const [ca, cert, key] = await Promise.all([pki.caFile, pki.clientCertFile, pki.clientKeyFile].map((file) => readFile(file)));
  return new Promise<boolean>((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ca, cert, key, servername: 'localhost' }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
