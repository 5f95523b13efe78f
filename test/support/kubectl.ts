import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './stack-env.js';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The stack's own kubectl (built with the API server), against the stack's KUBECONFIG; never throws on a non-zero exit. */
export function kubectl(args: string[]): Promise<KubectlResult> {
  const binary = join(process.env['RESTASH_BIN_DIR'] ?? join(repoRoot, '.cache', 'bin'), 'kubectl');
  return new Promise((resolve, reject) => {
    execFile(binary, args, { env: process.env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
      if (code === undefined) reject(error ?? new Error('kubectl did not start'));
      else resolve({ code, stdout, stderr });
    });
  });
}
