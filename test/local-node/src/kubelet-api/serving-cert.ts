import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A self-signed certificate for the kubelet endpoint (the API server does not verify it without --kubelet-certificate-authority). */
export function servingCertificate(dir: string, ip: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'kubelet.key');
  const cert = join(dir, 'kubelet.crt');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '3650',
        '-subj',
        '/CN=restash-local-node',
        '-addext',
        `subjectAltName=IP:${ip}`,
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
