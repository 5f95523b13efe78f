import { basename } from 'node:path';
import { SecretScrubber } from '@restash/observability';
import { DatabaseCommandError } from './database-command-error.js';
import type { ToolCommand } from './database-commands.js';
import type { DatabaseConnection } from './database-connection.js';
import { findExecutable } from './find-executable.js';

/** A located client program, ready to spawn, that reports failures without the password. */
export interface DatabaseTool {
  name: string;
  binary: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  failure(exitCode: number | null, stderr: string): DatabaseCommandError;
}

export async function prepareTool(command: ToolCommand, connection: DatabaseConnection): Promise<DatabaseTool> {
  const binary = await findExecutable(command.candidates);
  const scrubber = new SecretScrubber();
  scrubber.remember(connection.password);
  const name = basename(binary);
  return {
    name,
    binary,
    args: command.args,
    env: { ...process.env, ...command.env },
    failure: (exitCode, stderr) => new DatabaseCommandError(name, exitCode, scrubber.scrub(stderr)),
  };
}
