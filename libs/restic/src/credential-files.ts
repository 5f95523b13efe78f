import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CredentialPaths } from './restic-invocation.js';
import type { ResticRepository } from './restic-repository.js';

export interface WrittenCredentials extends CredentialPaths {
  remove(): Promise<void>;
}

/** Writes the credentials restic only reads from files into a private temp dir (none for most backends). */
export async function writeCredentialFiles(repository: ResticRepository): Promise<WrittenCredentials> {
  const files = Object.entries(repository.files ?? {});
  if (files.length === 0 && !repository.caCert) return { env: {}, remove: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'restash-restic-'));
  const env: Record<string, string> = {};
  for (const [name, content] of files) {
    env[name] = join(dir, name);
    await writeFile(env[name], content, { mode: 0o600 });
  }
  const caCertPath = repository.caCert ? join(dir, 'ca.crt') : undefined;
  if (caCertPath) await writeFile(caCertPath, repository.caCert!, { mode: 0o600 });
  return { env, ...(caCertPath ? { caCertPath } : {}), remove: () => rm(dir, { recursive: true, force: true }) };
}
