import { UsageError } from '../cli-errors.js';
import { COMMANDS, isCommandName, type CommandName } from './commands.js';

export const OUTPUT_FORMATS = ['table', 'json', 'yaml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ParsedArgs {
  command: CommandName;
  /** The batch or repository name. */
  name: string;
  namespace: string | undefined;
  kubeconfig: string | undefined;
  output: OutputFormat;
  limit: number;
  snapshots: string[];
  dryRun: boolean;
  restoreName: string | undefined;
  removeAll: boolean;
}

export type ParseResult = { help: true; command?: CommandName } | ({ help: false } & ParsedArgs);

interface OptionSpec {
  long: string;
  short?: string;
  value: boolean;
  /** Undefined: accepted by every command. */
  commandOption?: boolean;
}

const OPTIONS: OptionSpec[] = [
  { long: 'namespace', short: 'n', value: true },
  { long: 'kubeconfig', value: true },
  { long: 'output', short: 'o', value: true },
  { long: 'help', short: 'h', value: false },
  { long: 'limit', value: true, commandOption: true },
  { long: 'snapshot', value: true, commandOption: true },
  { long: 'dry-run', value: false, commandOption: true },
  { long: 'name', value: true, commandOption: true },
  { long: 'remove-all', value: false, commandOption: true },
];

type Seen = Map<string, string[]>;

/** Pure: kubectl-style arguments (options anywhere, `--x=v`, `-o json`, `-ojson`, `--` ends options). */
export function parseArgs(argv: readonly string[]): ParseResult {
  const seen: Seen = new Map();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const option = matchOption(arg);
    if (!option) {
      positional.push(arg);
      continue;
    }
    let value = option.inline;
    if (option.spec.value && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`option --${option.spec.long} needs a value`);
    }
    if (!option.spec.value && value !== undefined) throw new UsageError(`option --${option.spec.long} takes no value`);
    seen.set(option.spec.long, [...(seen.get(option.spec.long) ?? []), value ?? 'true']);
  }
  const [commandName, name, ...extra] = positional;
  if (seen.has('help') || commandName === 'help') return { help: true, ...(commandName && isCommandName(commandName) ? { command: commandName } : {}) };
  if (!commandName) throw new UsageError('no command given');
  if (!isCommandName(commandName)) throw new UsageError(`unknown command "${commandName}"`);
  const command = COMMANDS[commandName];
  if (!name) throw new UsageError(`${commandName} needs the name of a ${command.argument}`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  for (const long of seen.keys()) {
    const spec = OPTIONS.find((o) => o.long === long)!;
    if (spec.commandOption && !(command.options as readonly string[]).includes(long)) throw new UsageError(`${commandName} does not take --${long}`);
  }
  return { help: false, command: commandName, name, ...options(seen) };
}

function matchOption(arg: string): { spec: OptionSpec; inline?: string } | undefined {
  if (arg.startsWith('--')) {
    const [long, ...rest] = arg.slice(2).split('=');
    const spec = OPTIONS.find((o) => o.long === long);
    if (!spec) throw new UsageError(`unknown option ${arg.split('=')[0]}`);
    return { spec, ...(rest.length ? { inline: rest.join('=') } : {}) };
  }
  if (arg.startsWith('-') && arg.length > 1) {
    const spec = OPTIONS.find((o) => o.short === arg[1]);
    if (!spec) throw new UsageError(`unknown option ${arg.slice(0, 2)}`);
    const rest = arg.slice(2).replace(/^=/, '');
    return { spec, ...(rest ? { inline: rest } : {}) };
  }
  return undefined;
}

function last(seen: Seen, long: string): string | undefined {
  return seen.get(long)?.at(-1);
}

function options(seen: Seen): Omit<ParsedArgs, 'command' | 'name'> {
  const output = last(seen, 'output') ?? 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(output)) throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}, got "${output}"`);
  const limitText = last(seen, 'limit') ?? '5';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, got "${limitText}"`);
  return {
    namespace: last(seen, 'namespace'),
    kubeconfig: last(seen, 'kubeconfig'),
    output: output as OutputFormat,
    limit,
    snapshots: seen.get('snapshot') ?? [],
    dryRun: seen.has('dry-run'),
    restoreName: last(seen, 'name'),
    removeAll: seen.has('remove-all'),
  };
}
