import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './stack-env.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `kubectl-restash …` as kubectl runs the plugin: bin/kubectl-restash with the stack's KUBECONFIG; never throws on exit codes. */
export function restashCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(repoRoot, 'bin', 'kubectl-restash'), ...args], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
      if (code === undefined) reject(error ?? new Error('kubectl-restash did not start'));
      else resolve({ code, stdout, stderr });
    });
  });
}
