import { parseDockerfile } from '../../../test/support/dockerfile.js';

/** What the runtime image sets for Node itself; the rest of its ENV (HOME, cache paths) is about the container. */
const NODE_SETTINGS = ['NODE_ENV', 'NODE_OPTIONS'];

/** Pure: the Node settings the Dockerfile's runtime stage (its last) sets with ENV (`KEY=value`, `KEY="a b"`). */
export function imageNodeEnv(dockerfile: string): Record<string, string> {
  const runtime = parseDockerfile(dockerfile).stages.at(-1);
  const env: Record<string, string> = {};
  for (const instruction of runtime?.instructions ?? []) {
    if (instruction.keyword !== 'ENV') continue;
    for (const [, key, quoted, plain] of instruction.args.matchAll(/(\w+)=(?:"([^"]*)"|(\S*))/g)) {
      if (NODE_SETTINGS.includes(key!)) env[key!] = quoted ?? plain ?? '';
    }
  }
  return env;
}
