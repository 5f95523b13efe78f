/** One Dockerfile instruction: its keyword (upper case), its arguments' text, and the stage it belongs to. */
export interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

export interface Stage {
  index: number;
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Pure: a Dockerfile's instructions (comments dropped, `\` continuations joined) grouped into stages. */
export function parseDockerfile(text: string): { args: Instruction[]; stages: Stage[] } {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const args: Instruction[] = [];
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: rest.replace(/\s+/g, ' '), stage: stages.length - 1 };
    if (instruction.keyword === 'FROM') {
      const [image = '', , name] = instruction.args.replace(/^--platform=\S+\s+/, '').split(' ');
      stages.push({ index: stages.length, image, name, instructions: [] });
      continue;
    }
    if (stages.length === 0) args.push(instruction);
    else stages.at(-1)!.instructions.push(instruction);
  }
  return { args, stages };
}

/** Pure: `${NAME}` references replaced by the ARG defaults declared before the first FROM. */
export function resolveArgs(value: string, globalArgs: Instruction[]): string {
  const defaults = Object.fromEntries(globalArgs.filter((i) => i.keyword === 'ARG').map((i) => i.args.split('=') as [string, string]));
  return value.replace(/\$\{(\w+)\}/g, (_, name: string) => defaults[name] ?? '');
}
