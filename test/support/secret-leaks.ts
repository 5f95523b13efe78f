import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stackDir } from './stack-env.js';

/** A secret value a test used, named for the report. */
export interface NamedSecret {
  name: string;
  value: string;
}

/** Where a secret showed up: the log, its line number and which secret (never the value itself). */
export interface SecretLeak {
  log: string;
  line: number;
  secret: string;
}

/** Pure: each line of each log that carries a secret, as is or base64-encoded (as a Secret's data holds it). */
export function findSecretLeaks(logs: ReadonlyMap<string, string>, secrets: readonly NamedSecret[]): SecretLeak[] {
  const needles = secrets.flatMap((secret) => [
    { secret: secret.name, text: secret.value },
    { secret: `${secret.name} (base64)`, text: Buffer.from(secret.value).toString('base64').replace(/=+$/, '') },
  ]);
  const leaks: SecretLeak[] = [];
  for (const [log, text] of logs) {
    text.split('\n').forEach((line, index) => {
      for (const needle of needles) if (line.includes(needle.text)) leaks.push({ log, line: index + 1, secret: needle.secret });
    });
  }
  return leaks;
}

/** The container logs the local node kept for the pods of a namespace (`.stack/logs/pods/<namespace>_<pod>_<container>.log`). */
export function podLogs(namespace: string): Map<string, string> {
  const dir = join(stackDir, 'logs', 'pods');
  const files = readdirSync(dir).filter((name) => name.startsWith(`${namespace}_`));
  return new Map(files.map((name) => [`pods/${name}`, readFileSync(join(dir, name), 'utf8')]));
}
