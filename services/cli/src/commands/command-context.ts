import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeClient } from '@restash/kube';
import type { ParsedArgs } from '../args/parse-args.js';
import type { CommandOutput } from '../format/output.js';
import { apiFailure } from '../kube/api-failure.js';

/** Everything a command works with; tests and main.ts build it. */
export interface CommandContext {
  kube: KubeClient;
  config: KubeConfig;
  namespace: string;
  args: ParsedArgs;
  now(): Date;
  pathExists(path: string): boolean;
}

/** A command's result: its output, and problems that make it fail (printed to stderr, exit code 1). */
export interface CommandResult extends CommandOutput {
  problems?: string[];
}

/** Runs one API call; a failure becomes a CommandError that says what went wrong with `what`. */
export async function apiCall<T>(context: CommandContext, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw apiFailure(error, what, context.config.getCurrentCluster()?.server ?? 'the configured server');
  }
}
