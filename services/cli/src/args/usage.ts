import { COMMANDS, COMMAND_NAMES, type CommandName } from './commands.js';

const OPTION_HELP: Record<string, string> = {
  limit: '--limit N            how many sessions, newest first (default 5)',
  snapshot: '--snapshot ID        restore this snapshot (one-member batch), or --snapshot MEMBER=ID (repeatable;\n                       MEMBER is the alias or target name); other members restore "latest"',
  'dry-run': '--dry-run            print the RestoreBatch instead of creating it',
  name: '--name NAME          the RestoreBatch’s name (default <batch>-restore-<unix seconds>)',
  'remove-all': '--remove-all         remove every lock, not only stale ones (no restic may be running)',
};

/** Pure: the help text, for all commands or one. */
export function usage(program: string, command?: CommandName): string {
  const lines = command
    ? [`usage: ${program} ${command} <${COMMANDS[command].argument}> [options]`, '', `  ${COMMANDS[command].summary}`, ...COMMANDS[command].options.map((o) => `  ${OPTION_HELP[o]}`)]
    : [`usage: ${program} <command> <name> [options]`, '', 'commands:', ...COMMAND_NAMES.map((name) => `  ${`${name} <${COMMANDS[name].argument}>`.padEnd(24)}${COMMANDS[name].summary}`)];
  return [
    ...lines,
    '',
    'global options:',
    '  -n, --namespace NS     the namespace (default: the kubeconfig context’s, else "default")',
    '      --kubeconfig PATH  the kubeconfig (default: KUBECONFIG or ~/.kube/config)',
    '  -o, --output FORMAT    table (default), json or yaml',
    '  -h, --help             this help',
    '',
    'exit codes: 0 ok, 1 the command failed, 2 wrong usage',
  ].join('\n');
}
