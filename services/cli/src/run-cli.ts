import { existsSync } from 'node:fs';
import type { CommandName } from './args/commands.js';
import { parseArgs, type ParsedArgs } from './args/parse-args.js';
import { usage } from './args/usage.js';
import { CommandError, EXIT, UsageError } from './cli-errors.js';
import type { CommandContext, CommandResult } from './commands/command-context.js';
import { renderOutput } from './format/output.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

// Loaded on use: the Kubernetes client takes most of a second to import, which help and usage errors need not wait for.
const batchCommands = () => import('./commands/batch-commands.js');
const repositoryCommands = () => import('./commands/repository-commands.js');

const COMMAND_RUNNERS: Record<CommandName, (context: CommandContext) => Promise<CommandResult>> = {
  trigger: async (context) => (await batchCommands()).trigger(context),
  pause: async (context) => (await batchCommands()).setPaused(context, true),
  resume: async (context) => (await batchCommands()).setPaused(context, false),
  status: async (context) => (await batchCommands()).status(context),
  snapshots: async (context) => (await repositoryCommands()).snapshots(context),
  unlock: async (context) => (await repositoryCommands()).unlock(context),
  restore: async (context) => (await batchCommands()).restore(context),
};

async function contextFor(args: ParsedArgs): Promise<CommandContext> {
  const [{ KubeClient }, { contextNamespace, loadKubeconfig }] = await Promise.all([import('@restash/kube'), import('./kube/cli-kube.js')]);
  const config = loadKubeconfig(args.kubeconfig);
  return {
    kube: new KubeClient(config),
    config,
    namespace: args.namespace ?? contextNamespace(config),
    args,
    now: () => new Date(),
    pathExists: existsSync,
  };
}

/** Runs one command line; returns the exit code (0 ok, 1 the command failed, 2 wrong usage). */
export async function runCli(argv: readonly string[], io: CliIo, program = 'kubectl restash'): Promise<number> {
  let args: ParsedArgs;
  try {
    const parsed = parseArgs(argv);
    if (parsed.help) {
      io.stdout(`${usage(program, parsed.command)}\n`);
      return EXIT.ok;
    }
    args = parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}\nRun '${program} --help' for usage.\n`);
    return EXIT.usage;
  }
  try {
    const result = await COMMAND_RUNNERS[args.command](await contextFor(args));
    io.stdout(renderOutput(result, args.output));
    for (const problem of result.problems ?? []) io.stderr(`error: ${problem}\n`);
    return result.problems?.length ? EXIT.failure : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\nRun '${program} ${args.command} --help' for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`error: ${error instanceof CommandError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
}
