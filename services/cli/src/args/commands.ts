/** The plugin's commands, with their one positional argument and the options each accepts besides the global ones. */
export const COMMANDS = {
  trigger: { argument: 'batch', options: [], summary: 'start an instant backup: create a BackupSession of the batch and print its name' },
  pause: { argument: 'batch', options: [], summary: 'pause the batch’s schedule (spec.paused: true)' },
  resume: { argument: 'batch', options: [], summary: 'resume the batch’s schedule (spec.paused: false)' },
  status: { argument: 'batch', options: ['limit'], summary: 'the batch’s last sessions: phase, duration, each member and host' },
  snapshots: { argument: 'repository', options: [], summary: 'the restic snapshots of each member repository of a Repository' },
  unlock: { argument: 'repository', options: ['remove-all'], summary: 'remove stale restic locks from each member repository' },
  restore: { argument: 'batch', options: ['snapshot', 'dry-run', 'name'], summary: 'create a RestoreBatch of the batch’s members (latest or given snapshots)' },
} as const satisfies Record<string, { argument: string; options: readonly string[]; summary: string }>;

export type CommandName = keyof typeof COMMANDS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}
