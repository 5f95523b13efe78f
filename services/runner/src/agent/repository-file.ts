import { readFile } from 'node:fs/promises';
import { MemberRepositorySchema, parseMessage, type MemberRepository } from '@restash/events';
import { secretScrubber } from '@restash/observability';

/**
 * The member's repository from the file the injector's Secret mounts. Read for every run, so rotated
 * credentials apply without a restart; its secrets are remembered for scrubbing.
 */
export async function readRepositoryFile(path: string): Promise<MemberRepository> {
  const repository = await readInjectedFile(path, 'stash-repository', (data) => parseMessage(MemberRepositorySchema, data, `repository file ${path}`));
  const { restic } = repository;
  secretScrubber.remember(restic.password, ...Object.values(restic.env), ...Object.values(restic.files ?? {}));
  return repository;
}

/** A JSON file from a Secret the injector mounts into the pod, checked by `parse`; errors name the file and the Secret. */
export async function readInjectedFile<T>(path: string, secret: string, parse: (data: unknown) => T): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`cannot read ${path} (${reason}): the injector writes it into the ${secret} Secret`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON`, { cause: error });
  }
  return parse(data);
}
