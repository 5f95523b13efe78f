import { isCommandName } from './args/commands.js';

const CLI_MAIN = 'services/cli/dist/main.js';

/**
 * restash's own entry points that a plugin command shares its name with: `restash status` (no arguments)
 * stays the status service, as the image's pods run it; `restash status <batch> …` is the plugin's.
 */
const SERVICE_NAMES = new Set(['status']);

/**
 * bin/restash's dispatch for the plugin's commands: `restash trigger nightly -n shop` runs
 * `services/cli/dist/main.js trigger nightly -n shop`. Returns [script, ...fixed args] (relative to the
 * repository root, as bin/restash's table has them), or undefined when the command is not the plugin's.
 */
export function cliEntryPoint(command: string | undefined, rest: readonly string[]): string[] | undefined {
  if (!command || !isCommandName(command)) return undefined;
  if (SERVICE_NAMES.has(command) && rest.length === 0) return undefined;
  return [CLI_MAIN, command];
}
